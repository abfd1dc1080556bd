import Foundation
import Testing
@testable import LyncCmdlets
import LyncDeployment
import PSCmdlets
import PSRuntime

@Suite("Trusted application cmdlets")
struct TrustedApplicationCmdletTests {
    // MARK: Declarations

    @Test("All twelve cmdlets are registered in module Lync with the TrustedApplications security area")
    func declarations() {
        let names = TrustedApplicationCmdlets.all.map(\.name)
        #expect(names.count == 12)
        for verb in ["Get", "New", "Set", "Remove"] {
            for noun in ["CsTrustedApplicationPool", "CsTrustedApplication", "CsTrustedApplicationEndpoint"] {
                #expect(names.contains("\(verb)-\(noun)"))
            }
        }
        for declaration in TrustedApplicationCmdlets.all {
            #expect(declaration.securityArea == SecurityArea.trustedApplications.rawValue)
            #expect(declaration.moduleName == "Lync")
            #expect(!declaration.examples.isEmpty && !declaration.description.isEmpty)
            #expect(declaration.supportsShouldProcess == !declaration.name.hasPrefix("Get-"))
            #expect((declaration.confirmImpact == .High) == declaration.name.hasPrefix("Remove-"))
        }
    }

    @Test("Parameter sets and positions follow the reference")
    func parameterSets() throws {
        func parameter(_ declaration: CmdletDeclaration, _ name: String) throws -> ParameterMetadata {
            try #require(declaration.parameters.first { $0.name == name })
        }
        let getApp = GetCsTrustedApplicationCommand.declaration
        #expect(Set(getApp.parameterSetNames) == ["Identity", "Filter", "ParentAndRelativeKey"])
        #expect(try parameter(getApp, "Identity").membership(in: "Identity")?.position == 0)
        let newApp = NewCsTrustedApplicationCommand.declaration
        #expect(Set(newApp.parameterSetNames) == ["Identity", "AppIdAndPoolFqdn"])
        #expect(try parameter(newApp, "ApplicationId").membership(in: "AppIdAndPoolFqdn")?.mandatory == true)
        #expect(try parameter(newApp, "Port").sets.allSatisfy(\.mandatory))
        #expect(Set(GetCsTrustedApplicationPoolCommand.declaration.parameterSetNames) == ["Identity", "Filter"])
        let removePool = try parameter(RemoveCsTrustedApplicationPoolCommand.declaration, "Identity")
        #expect(removePool.sets.first?.valueFromPipelineByPropertyName == true && removePool.sets.first?.mandatory == true)
        let removeEndpoint = try parameter(RemoveCsTrustedApplicationEndpointCommand.declaration, "Identity")
        #expect(removeEndpoint.sets.first?.valueFromPipeline == true && removeEndpoint.sets.first?.position == 0)
        #expect(try parameter(SetCsTrustedApplicationEndpointCommand.declaration, "Enabled").aliases == ["CsEnabled"])
        #expect(try parameter(SetCsTrustedApplicationEndpointCommand.declaration, "ExchangeArchivingPolicy").allowedValues
                == ["Uninitialized", "UseLyncArchivingPolicy", "NoArchiving", "ArchivingToExchange"])
        let newPoolNames = Set(NewCsTrustedApplicationPoolCommand.declaration.parameters.map(\.name))
        #expect(newPoolNames == ["Identity", "AppSharingPortCount", "AppSharingPortStart", "AudioPortCount", "AudioPortStart",
                                 "ComputerFqdn", "Force", "OutboundOnly", "Registrar", "RequiresReplication", "Site",
                                 "ThrottleAsServer", "TreatAsAuthenticated", "VideoPortCount", "VideoPortStart"])
        #expect(!SetCsTrustedApplicationPoolCommand.declaration.parameters.contains { $0.name == "Site" || $0.name == "ComputerFqdn" })
        #expect(!RemoveCsTrustedApplicationEndpointCommand.declaration.parameters.contains { $0.name == "Force" })
    }

    // MARK: Pools

    @Test("The pool list view shows the Lync properties")
    func poolView() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        let text = try f.formatted("Get-CsTrustedApplicationPool")
        #expect(text.contains("Identity             : TrustedApplicationPool:TrustPool.litwareinc.com"))
        #expect(text.contains("Applications         : {urn:application:tapp1, urn:application:tapp2}"))
        #expect(text.contains("ServiceId            : 1-ExternalServer-1"))
        let table = try f.formatted("Get-CsTrustedApplicationPool | Format-Table")
        #expect(table.contains("PoolFqdn") && table.contains("Registrar:pool0.litwareinc.com") && !table.contains("AudioPortStart"))
    }

    @Test("-Identity takes the service id; -PoolFqdn narrows the result")
    func poolLookups() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        #expect(try f.strings("(Get-CsTrustedApplicationPool 1-ExternalServer-1).PoolFqdn") == ["TrustPool.litwareinc.com"])
        #expect(try f.strings("(Get-CsTrustedApplicationPool -PoolFqdn trustpool.litwareinc.com).PoolFqdn") == ["TrustPool.litwareinc.com"])
        #expect(try f.strings("@(Get-CsTrustedApplicationPool -Filter *other* -PoolFqdn TrustPool.litwareinc.com).Count") == ["0"])
        let missing = try f.strings("Get-CsTrustedApplicationPool nothere.litwareinc.com -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId")
        #expect(missing.first?.hasPrefix("TrustedApplicationPoolNotFound") == true)
    }

    @Test("New and Set pool with -WhatIf change nothing")
    func poolWhatIf() throws {
        let f = DeploymentFixture()
        try TrustedApplicationTestTopology.publish(f)
        let run = try f.run("""
            New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com -WhatIf
            @(Get-CsTrustedApplicationPool).Count
            """)
        #expect(run.values.map { LanguagePrimitives.toString($0, context: nil) } == ["0"])
        #expect(run.host.output.contains("What if: Performing the operation \"New-CsTrustedApplicationPool\" on target \"TrustPool.litwareinc.com\""))
        let set = try f.strings("""
            $null = New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com
            Set-CsTrustedApplicationPool TrustPool.litwareinc.com -OutboundOnly $true -WhatIf
            (Get-CsTrustedApplicationPool).OutboundOnly
            """)
        #expect(set == ["False"])
    }

    @Test("New pool errors: existing pool, unknown registrar or site, bad ports")
    func poolErrors() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        func errorId(_ command: String) throws -> String {
            try f.strings("try { \(command) } catch { $_.FullyQualifiedErrorId }").first ?? ""
        }
        #expect(try errorId("New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com").hasPrefix("TrustedApplicationPoolExists"))
        #expect(try errorId("New-CsTrustedApplicationPool -Identity pool0.litwareinc.com").hasPrefix("PoolExistsInTopology"))
        #expect(try errorId("New-CsTrustedApplicationPool -Identity x.litwareinc.com -Registrar nowhere.litwareinc.com").hasPrefix("RegistrarNotFound"))
        #expect(try errorId("New-CsTrustedApplicationPool -Identity x.litwareinc.com -Site Paris").hasPrefix("SiteNotFound"))
        #expect(try errorId("New-CsTrustedApplicationPool -Identity x.litwareinc.com -AudioPortStart 65000 -AudioPortCount 1000").hasPrefix("PortRangeOutOfRange"))
        #expect(try errorId("Set-CsTrustedApplicationPool -OutboundOnly $true").hasPrefix("IdentityRequired"))
        #expect(try f.strings("@(Get-CsTrustedApplicationPool).Count") == ["1"])
    }

    @Test("Set pool changes ports and registrar; pipeline input is matched by Identity")
    func setPool() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        let out = try f.strings("""
            Get-CsTrustedApplicationPool | Set-CsTrustedApplicationPool -AudioPortStart 20000 -AudioPortCount 100 -Registrar redmond.litwareinc.com
            $p = Get-CsTrustedApplicationPool
            $p.AudioPortStart; $p.AudioPortCount; $p.Registrar; $p.RequiresReplication
            """)
        #expect(out == ["20000", "100", "Registrar:redmond.litwareinc.com", "True"])
    }

    @Test("Removing a pool asks first: non-interactive sessions need -Confirm:$false or -Force")
    func removePoolConfirmation() throws {
        let f = DeploymentFixture()
        try f.run("$null = New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com")
        let refused = try f.strings("try { Remove-CsTrustedApplicationPool TrustPool.litwareinc.com } catch { 'refused' }; @(Get-CsTrustedApplicationPool).Count")
        #expect(refused == ["refused", "1"])
        let declined = RecordingHostUI(inputLines: ["N"], isInteractive: true)
        _ = try f.session(host: declined).evaluate("Remove-CsTrustedApplicationPool TrustPool.litwareinc.com")
        #expect(try f.strings("@(Get-CsTrustedApplicationPool).Count") == ["1"])
        let whatIf = try f.strings("Remove-CsTrustedApplicationPool TrustPool.litwareinc.com -Force -WhatIf; @(Get-CsTrustedApplicationPool).Count")
        #expect(whatIf == ["1"])
        let accepted = RecordingHostUI(inputLines: ["Y"], isInteractive: true)
        _ = try f.session(host: accepted).evaluate("Remove-CsTrustedApplicationPool TrustPool.litwareinc.com")
        #expect(try f.strings("@(Get-CsTrustedApplicationPool).Count") == ["0"])
        try f.run("$null = New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com -Registrar pool0.litwareinc.com")
        #expect(try f.strings("Remove-CsTrustedApplicationPool TrustPool.litwareinc.com -Force; @(Get-CsTrustedApplicationPool).Count") == ["0"])
    }

    @Test("Removing a pool takes its applications, entries, endpoints and computers; -Verbose lists them")
    func removePoolWithApplications() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        try f.run("""
            $null = New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:endpoint1@litwareinc.com
            $null = New-CsTrustedApplicationPool -Identity Other.litwareinc.com -Registrar pool0.litwareinc.com -Site Redmond
            """)
        let run = try f.run("Remove-CsTrustedApplicationPool TrustPool.litwareinc.com -Confirm:$false -Verbose")
        #expect(run.host.text(of: .error).isEmpty)
        let verbose = run.host.text(of: .verbose).split(separator: "\n").map(String.init)
        #expect(verbose == [
            "VERBOSE: Removed the trusted application 'TrustPool.litwareinc.com/urn:application:tapp1' and its Trusted Service Entry.",
            "VERBOSE: Removed the trusted application 'TrustPool.litwareinc.com/urn:application:tapp2' and its Trusted Service Entry.",
            "VERBOSE: Removed the trusted application endpoint 'sip:endpoint1@litwareinc.com'.",
            "VERBOSE: Removed the computer 'TrustPool.litwareinc.com' from the pool.",
            "VERBOSE: Removed the trusted application pool 'TrustedApplicationPool:TrustPool.litwareinc.com'.",
        ])
        for table in ["trustedApplication", "trustedServiceEntry", "contact"] {
            #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM \(table)") == 0, "\(table)")
        }
        #expect(try f.strings("Get-CsTrustedApplicationPool | ForEach-Object PoolFqdn") == ["Other.litwareinc.com"])
        #expect(try f.strings("Get-CsTrustedApplicationPool | ForEach-Object Computers") == ["Other.litwareinc.com"])
    }

    @Test("-WhatIf lists each application, endpoint and computer, then the pool, and changes nothing")
    func removePoolWhatIf() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        try f.run("$null = New-CsTrustedApplicationEndpoint -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:endpoint2@litwareinc.com")
        let tables = ["trustedApplicationPool", "trustedApplicationComputer", "trustedApplication", "trustedServiceEntry", "contact"]
        let before = try tables.map { try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM \($0)") }
        let run = try f.run("Get-CsTrustedApplicationPool | Remove-CsTrustedApplicationPool -WhatIf")
        #expect(run.host.text(of: .error).isEmpty)
        let lines = run.host.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("What if:") }
        #expect(lines == [
            "What if: Performing the operation \"Remove-CsTrustedApplication\" on target \"TrustPool.litwareinc.com/urn:application:tapp1\".",
            "What if: Performing the operation \"Remove-CsTrustedApplication\" on target \"TrustPool.litwareinc.com/urn:application:tapp2\".",
            "What if: Performing the operation \"Remove-CsTrustedApplicationEndpoint\" on target \"sip:endpoint2@litwareinc.com\".",
            "What if: Performing the operation \"Remove trusted application computer\" on target \"TrustPool.litwareinc.com\".",
            "What if: Performing the operation \"Remove-CsTrustedApplicationPool\" on target \"TrustPool.litwareinc.com\".",
        ])
        #expect(try tables.map { try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM \($0)") } == before)
    }

    @Test("The confirmation question names what goes with the pool; declining keeps everything")
    func removePoolQuestion() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        let declined = RecordingHostUI(inputLines: ["N"], isInteractive: true)
        _ = try f.session(host: declined).evaluate("Remove-CsTrustedApplicationPool TrustPool.litwareinc.com")
        #expect(declined.output.contains("\"TrustPool.litwareinc.com with 2 applications and 1 computer\""))
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM trustedApplication") == 2)
        let refused = try f.strings("try { Remove-CsTrustedApplicationPool TrustPool.litwareinc.com } catch { $_.FullyQualifiedErrorId }")
        #expect(refused.first?.hasPrefix("ConfirmationRequiredInNonInteractiveSession") == true)
        #expect(try f.strings("Remove-CsTrustedApplicationPool TrustPool.litwareinc.com -Force; @(Get-CsTrustedApplication).Count") == ["0"])
    }

    @Test("Only roles holding the trusted applications area may remove a pool")
    func removePoolNeedsRole() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        try f.addUser("kenmyer", groups: ["CsUserAdministrator"])
        let result = try f.outcome("Remove-CsTrustedApplicationPool TrustPool.litwareinc.com -Force", user: "kenmyer")
        #expect(result.errors.contains("Access denied"))
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM trustedApplicationPool") == 1)
    }

    @Test("A pool without a registrar cannot be removed; the error says to set one")
    func removePoolWithoutRegistrar() throws {
        let f = DeploymentFixture()
        let out = try f.strings("""
            $null = New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com
            Remove-CsTrustedApplicationPool TrustPool.litwareinc.com -Force -ErrorAction SilentlyContinue
            $Error[0].Exception.Message
            Set-CsTrustedApplicationPool TrustPool.litwareinc.com -Registrar pool0.litwareinc.com
            Remove-CsTrustedApplicationPool TrustPool.litwareinc.com -Force
            @(Get-CsTrustedApplicationPool).Count
            """)
        #expect(out.first?.contains("Set-CsTrustedApplicationPool") == true)
        #expect(out.last == "0")
    }

    // MARK: Applications

    @Test("Application output and table view")
    func applicationOutput() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        let text = try f.formatted("Get-CsTrustedApplication TrustPool.litwareinc.com/tapp1")
        #expect(text.contains("Identity                   : TrustPool.litwareinc.com/urn:application:tapp1"))
        #expect(text.contains("Protocol                   : Mtls"))
        #expect(text.contains("ServiceGruu                : sip:TrustPool.litwareinc.com@litwareinc.com;gruu;opaque=srvr:tapp1:"))
        let table = try f.formatted("Get-CsTrustedApplication | Format-Table")
        #expect(table.contains("Port Protocol") && table.contains("TrustPool.litwareinc.com/urn:application:tapp2") && !table.contains("ComputerGruus"))
    }

    @Test("Get by application id alone, and a missing identity is a non-terminating error")
    func applicationLookups() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        #expect(try f.strings("(Get-CsTrustedApplication -ApplicationId urn:application:tapp2).Port") == ["6100"])
        #expect(try f.strings("@(Get-CsTrustedApplication -TrustedApplicationPoolFqdn other.litwareinc.com).Count") == ["0"])
        let out = try f.strings("Get-CsTrustedApplication TrustPool.litwareinc.com/none -ErrorAction SilentlyContinue; 'next'; $Error[0].FullyQualifiedErrorId")
        #expect(out.first == "next" && out.last?.hasPrefix("TrustedApplicationNotFound") == true)
    }

    @Test("New application errors: duplicate id, port in use, no identity")
    func applicationErrors() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        func errorId(_ command: String) throws -> String {
            try f.strings("try { \(command) } catch { $_.FullyQualifiedErrorId }").first ?? ""
        }
        #expect(try errorId("New-CsTrustedApplication -Identity TrustPool.litwareinc.com/TAPP1 -Port 7000").hasPrefix("TrustedApplicationExists"))
        #expect(try errorId("New-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp3 -Port 6000").hasPrefix("TrustedApplicationPortInUse"))
        #expect(try errorId("New-CsTrustedApplication -Port 7000").hasPrefix("IdentityRequired"))
        #expect(try errorId("New-CsTrustedApplication -Identity tapp3 -Port 7000").hasPrefix("InvalidTrustedApplicationIdentity"))
        #expect(try errorId("Set-CsTrustedApplication TrustPool.litwareinc.com/tapp2 -Port 6000 -ErrorAction Stop").hasPrefix("TrustedApplicationPortInUse"))
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM trustedApplication") == 2)
    }

    @Test("New and Set application with -WhatIf change nothing; -Force skips the remove question")
    func applicationWhatIfAndForce() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        let out = try f.strings("""
            New-CsTrustedApplication -Identity TrustPool.litwareinc.com/tapp3 -Port 7000 -WhatIf
            Set-CsTrustedApplication TrustPool.litwareinc.com/tapp1 -Port 7001 -WhatIf
            Remove-CsTrustedApplication TrustPool.litwareinc.com/tapp1 -WhatIf
            @(Get-CsTrustedApplication).Count
            (Get-CsTrustedApplication TrustPool.litwareinc.com/tapp1).Port
            Remove-CsTrustedApplication TrustPool.litwareinc.com/tapp1 -Force
            @(Get-CsTrustedApplication).Count
            """)
        #expect(out == ["2", "6000", "1"])
        #expect(try TrustedApplicationTestTopology.count(f, "SELECT COUNT(*) FROM trustedServiceEntry") == 1)
    }

    @Test("Pipelines: Get | Set and Get | Remove bind Identity by property name")
    func applicationPipelines() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        let out = try f.strings("""
            Get-CsTrustedApplication -ApplicationId tapp2 | Set-CsTrustedApplication -Port 6300
            (Get-CsTrustedApplication TrustPool.litwareinc.com/tapp2).Port
            Get-CsTrustedApplication | Remove-CsTrustedApplication -Confirm:$false
            @(Get-CsTrustedApplication).Count
            """)
        #expect(out == ["6300", "0"])
    }

    // MARK: Endpoints

    @Test("Endpoint output, identities and the list view")
    func endpointOutput() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        let dn = try f.strings("""
            (New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:endpoint1@litwareinc.com -DisplayName 'Endpoint 1' -LineURI tel:+14255551212 -PrimaryLanguage en-US -SecondaryLanguages fr-FR,de-DE -PassThru).Identity
            """)
        #expect(dn.count == 1 && dn[0].hasPrefix("CN={") && dn[0].hasSuffix("},CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration,DC=litwareinc,DC=com"))
        #expect(try f.strings("(Get-CsTrustedApplicationEndpoint '\(dn[0])').SipAddress") == ["sip:endpoint1@litwareinc.com"])
        #expect(try f.strings("'sip:endpoint1@litwareinc.com' | Get-CsTrustedApplicationEndpoint | ForEach-Object DisplayName") == ["Endpoint 1"])
        let text = try f.formatted("Get-CsTrustedApplicationEndpoint 'Endpoint 1'")
        #expect(text.contains("OwnerUrn                : urn:application:tapp1"))
        #expect(text.contains("RegistrarPool           : pool0.litwareinc.com"))
        #expect(text.contains("SecondaryLanguages      : {fr-FR, de-DE}"))
        #expect(text.contains("LineURI                 : tel:+14255551212"))
    }

    @Test("New endpoint errors: missing application, bad or taken SIP address, bad line URI, bad tenant; -WhatIf writes nothing")
    func endpointErrors() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        func errorId(_ command: String) throws -> String {
            try f.strings("try { \(command) } catch { $_.FullyQualifiedErrorId }").first ?? ""
        }
        let base = "New-CsTrustedApplicationEndpoint -TrustedApplicationPoolFqdn TrustPool.litwareinc.com"
        try f.run("$null = \(base) -ApplicationId tapp1 -SipAddress sip:endpoint1@litwareinc.com")
        #expect(try errorId("\(base) -ApplicationId tapp9").hasPrefix("TrustedApplicationNotFound"))
        #expect(try errorId("\(base) -ApplicationId tapp1 -SipAddress endpoint2@litwareinc.com").hasPrefix("InvalidSipAddress"))
        #expect(try errorId("\(base) -ApplicationId tapp1 -SipAddress sip:ENDPOINT1@litwareinc.com").hasPrefix("SipAddressInUse"))
        #expect(try errorId("\(base) -ApplicationId tapp1 -LineURI 4255551212").hasPrefix("InvalidLineUri"))
        #expect(try errorId("\(base) -ApplicationId tapp1 -Tenant not-a-guid").hasPrefix("InvalidTenant"))
        #expect(try f.strings("\(base) -ApplicationId tapp2 -WhatIf; @(Get-CsTrustedApplicationEndpoint).Count") == ["1"])
    }

    @Test("Set endpoint: languages by list change, archiving policy, fixed SIP address, -PassThru, -WhatIf")
    func setEndpoint() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        try f.run("$null = New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:endpoint1@litwareinc.com -SecondaryLanguages fr-FR")
        let out = try f.strings("""
            $e = Set-CsTrustedApplicationEndpoint sip:endpoint1@litwareinc.com -SecondaryLanguages @{Add='de-DE'} -ExchangeArchivingPolicy noarchiving -CsEnabled $false -EnabledForFederation $true -Type ignored -PassThru
            $e.SecondaryLanguages -join ','
            $e.ExchangeArchivingPolicy
            $e.Enabled
            $e.EnabledForFederation
            Set-CsTrustedApplicationEndpoint sip:endpoint1@litwareinc.com -DisplayName Changed -WhatIf
            @(Get-CsTrustedApplicationEndpoint -Filter {DisplayName -eq 'Changed'}).Count
            Set-CsTrustedApplicationEndpoint sip:endpoint1@litwareinc.com -SipAddress sip:other@litwareinc.com -ErrorAction SilentlyContinue
            $Error[0].FullyQualifiedErrorId
            try { Set-CsTrustedApplicationEndpoint sip:endpoint1@litwareinc.com -ExchangeArchivingPolicy Sometimes } catch { 'bad policy' }
            """)
        #expect(out.count == 7)
        #expect(Array(out.prefix(5)) == ["fr-FR,de-DE", "NoArchiving", "False", "True", "0"])
        #expect(out.count == 7 && out[5].hasPrefix("SipAddressCannotChange") && out[6] == "bad policy")
    }

    @Test("-Filter conditions, -ResultSize and -OU")
    func endpointFilters() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        try f.run("""
            $null = New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:a@litwareinc.com -DisplayName 'Alpha endpoint'
            $null = New-CsTrustedApplicationEndpoint -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:b@litwareinc.com -DisplayName 'Beta'
            Set-CsTrustedApplicationEndpoint sip:b@litwareinc.com -Enabled $false
            """)
        #expect(try f.strings("Get-CsTrustedApplicationEndpoint -Filter {Enabled -eq $false} | ForEach-Object SipAddress") == ["sip:b@litwareinc.com"])
        #expect(try f.strings("Get-CsTrustedApplicationEndpoint -Filter \"SipAddress -like 'sip:*' -and (DisplayName -like '*endpoint*' -or OwnerUrn -eq 'urn:application:tapp2')\" | ForEach-Object SipAddress")
                == ["sip:a@litwareinc.com", "sip:b@litwareinc.com"])
        #expect(try f.strings("Get-CsTrustedApplicationEndpoint -Filter {-not (DisplayName -like 'B*')} | ForEach-Object SipAddress") == ["sip:a@litwareinc.com"])
        #expect(try f.strings("@(Get-CsTrustedApplicationEndpoint -ResultSize 1).Count; @(Get-CsTrustedApplicationEndpoint -ResultSize Unlimited).Count") == ["1", "2"])
        #expect(try f.strings("@(Get-CsTrustedApplicationEndpoint -OU 'CN=Application Contacts,CN=RTC Service,CN=Services,CN=Configuration,DC=litwareinc,DC=com').Count; @(Get-CsTrustedApplicationEndpoint -OU 'OU=Sales,DC=litwareinc,DC=com').Count")
                == ["2", "0"])
        #expect(try f.strings("(Get-CsTrustedApplicationEndpoint -ApplicationId tapp2 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com).DisplayName") == ["Beta"])
        let bad = try f.strings("try { Get-CsTrustedApplicationEndpoint -Filter {DisplayName -like } } catch { $_.FullyQualifiedErrorId }")
        #expect(bad.first?.hasPrefix("InvalidFilter") == true)
    }

    @Test("Removing an endpoint asks first and frees its address")
    func removeEndpoint() throws {
        let f = try TrustedApplicationTestTopology.withApplications()
        try f.run("$null = New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -SipAddress sip:endpoint1@litwareinc.com")
        let out = try f.strings("""
            try { Remove-CsTrustedApplicationEndpoint sip:endpoint1@litwareinc.com } catch { 'asked' }
            Remove-CsTrustedApplicationEndpoint sip:endpoint1@litwareinc.com -WhatIf
            @(Get-CsTrustedApplicationEndpoint).Count
            'sip:endpoint1@litwareinc.com' | Remove-CsTrustedApplicationEndpoint -Confirm:$false
            @(Get-CsTrustedApplicationEndpoint).Count
            """)
        #expect(out == ["asked", "1", "0"])
    }

    @Test("Endpoints need a pool with a registrar")
    func endpointNeedsRegistrar() throws {
        let f = DeploymentFixture()
        let out = try f.strings("""
            $null = New-CsTrustedApplicationPool -Identity TrustPool.litwareinc.com
            $null = New-CsTrustedApplication -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com -Port 6000
            try { New-CsTrustedApplicationEndpoint -ApplicationId tapp1 -TrustedApplicationPoolFqdn TrustPool.litwareinc.com } catch { $_.FullyQualifiedErrorId }
            """)
        #expect(out.first?.hasPrefix("TrustedApplicationPoolHasNoRegistrar") == true)
    }
}
