import Foundation
import Testing
import LyncDeployment
@testable import LyncCmdlets
import PSRuntime

/// Get-CsPersistentChatRoom's filters, -WhatIf, views, help and the role check.
@Suite("Persistent Chat cmdlets")
struct PersistentChatCmdletTests {
    /// Three rooms on atl-cs-001 in two categories, one room on atl-gc-001.
    static func rooms() throws -> DeploymentFixture {
        let f = DeploymentFixture()
        try PersistentChatTestDeployment.deploy(f)
        let setup = try PersistentChatTestDeployment.step(f, #"""
            $p = 'atl-cs-001.litwareinc.com'
            New-CsPersistentChatCategory -Name IT -PersistentChatPoolFqdn $p -EnableInvitations | Out-Null
            New-CsPersistentChatCategory -Name Sales -PersistentChatPoolFqdn $p | Out-Null
            Set-CsPersistentChatCategory -Identity "$p\IT" -AllowedMembers @{Add="sip:kenmyer@litwareinc.com","CN=Finance,OU=ExternalUsers,DC=litwareinc,DC=com"}
            New-CsPersistentChatAddin -Name Dash -Url https://dash.litwareinc.com -PersistentChatPoolFqdn $p | Out-Null
            New-CsPersistentChatRoom -Name Help -Category "$p\IT" -Description "Budget questions" -Privacy Open | Out-Null
            New-CsPersistentChatRoom -Name Town -Category "$p\IT" -Type Auditorium -Privacy Secret -Invitations False -Addin Dash | Out-Null
            New-CsPersistentChatRoom -Name Deals -Category "$p\Sales" -Disabled $true | Out-Null
            Set-CsPersistentChatRoom -Identity "$p\Help" -Managers @{Add="sip:kenmyer@litwareinc.com"} -Members @{Add="CN=Finance,OU=ExternalUsers,DC=litwareinc,DC=com"}
            New-CsPersistentChatCategory -Name Redmond -PersistentChatPoolFqdn atl-gc-001.litwareinc.com | Out-Null
            New-CsPersistentChatRoom -Name RedmondChatRoom -Category atl-gc-001.litwareinc.com\Redmond | Out-Null
            """#)
        guard setup.errors.isEmpty else { throw PersistentChatTestDeployment.SetupFailure(message: setup.errors) }
        return f
    }

    static func names(_ f: DeploymentFixture, _ arguments: String) throws -> [String] {
        let result = try PersistentChatTestDeployment.step(f, "Get-CsPersistentChatRoom \(arguments) | ForEach-Object Name")
        #expect(result.errors.isEmpty, "\(arguments): \(result.errors)")
        return result.output
    }

    @Test("Every filter of Get-CsPersistentChatRoom")
    func roomFilters() throws {
        let f = try Self.rooms()
        #expect(try Self.names(f, "") == ["Deals", "Help", "Town", "RedmondChatRoom"])
        #expect(try Self.names(f, "-PersistentChatPoolFqdn atl-gc-001.litwareinc.com") == ["RedmondChatRoom"])
        #expect(try Self.names(f, "-Category atl-cs-001.litwareinc.com\\IT") == ["Help", "Town"])
        #expect(try Self.names(f, "-Category Sales") == ["Deals"])
        #expect(try Self.names(f, "-Disabled $true") == ["Deals"])
        #expect(try Self.names(f, "-Disabled $false") == ["Help", "Town", "RedmondChatRoom"])
        #expect(try Self.names(f, "-Filter T*") == ["Town"])
        #expect(try Self.names(f, "-Filter '{Name -like \"Help\"}'") == ["Help"])
        #expect(try Self.names(f, "-Filter budget") == [])
        #expect(try Self.names(f, "-Filter budget -SearchDescription") == ["Help"])
        #expect(try PersistentChatTestDeployment.step(f, "Get-CsPersistentChatRoom -Category IT -Filter H*").errors
                    .contains("-Category cannot be combined with -PersistentChatPoolFqdn or -Filter"))
        #expect(try PersistentChatTestDeployment.step(f, "New-CsPersistentChatRoom -Name X -Category atl-gc-001.litwareinc.com\\Redmond -PersistentChatPoolFqdn atl-cs-001.litwareinc.com").errors
                    .contains("a room is created in its category's pool"))
        #expect(try Self.names(f, "-Invitations False -PersistentChatPoolFqdn atl-cs-001.litwareinc.com") == ["Deals", "Town"])
        #expect(try Self.names(f, "-Invitations Inherit") == ["Help"])
        #expect(try Self.names(f, "-Manager sip:kenmyer@litwareinc.com") == ["Help"])
        // Ann is a member through the Finance group.
        #expect(try Self.names(f, "-Member sip:ann@litwareinc.com") == ["Help"])
        #expect(try Self.names(f, "-Member sip:kenmyer@litwareinc.com") == [])
        #expect(try Self.names(f, "-Privacy Secret") == ["Town"])
        #expect(try Self.names(f, "-Privacy Closed") == ["Deals", "RedmondChatRoom"])
        #expect(try Self.names(f, "-Type Auditorium") == ["Town"])
        #expect(try Self.names(f, "-Addin Dash") == ["Town"])
        #expect(try Self.names(f, "-ResultSize 2") == ["Deals", "Help"])
        #expect(try Self.names(f, "-ResultSize 0") == [])
        #expect(try PersistentChatTestDeployment.step(f, "Get-CsPersistentChatRoom -ResultSize -1").errors.isEmpty == false)
        #expect(try Self.names(f, "-Privacy Open -Type Normal") == ["Help"])
        #expect(try PersistentChatTestDeployment.step(f, "Get-CsPersistentChatRoom -Privacy Hidden").errors.contains("Open,Closed,Secret"))

        // -ChatContentExceedsMB counts the stored text.
        let database = try PersistentChatTestDeployment.database(f, sqlStore: PersistentChatTestDeployment.atlCs)
        try PersistentChatTestDeployment.post(database, room: "Help", author: "sip:kenmyer@litwareinc.com",
                                              text: String(repeating: "x", count: 1_100_000), at: Date())
        #expect(try Self.names(f, "-ChatContentExceedsMB 1") == ["Help"])
        #expect(try Self.names(f, "-ChatContentExceedsMB 2") == [])
        #expect(try Self.names(f, "-ChatContentExceedsMB 0 -PersistentChatPoolFqdn atl-cs-001.litwareinc.com") == ["Help"])
    }

    @Test("Objects carry the documented properties; -Instance piping selects by Identity")
    func outputObjects() throws {
        let f = try Self.rooms()
        let room = try f.strings(#"Get-CsPersistentChatRoom atl-cs-001.litwareinc.com\Town | ForEach-Object { '{0}|{1}|{2}|{3}|{4}|{5}|{6}|{7}' -f $_.Identity, $_.Category, $_.Disabled, $_.Invitations, $_.Privacy, $_.Type, $_.Addin, $_.PersistentChatPoolFqdn }"#)
        #expect(room == [#"atl-cs-001.litwareinc.com\Town|atl-cs-001.litwareinc.com\IT|False|False|Secret|Auditorium|Dash|atl-cs-001.litwareinc.com"#])
        #expect(try f.strings("(Get-CsPersistentChatRoom atl-cs-001.litwareinc.com\\Town).PSObject.TypeNames[0]") == ["Microsoft.Rtc.Management.PersistentChat.Cmdlets.ChatRoomObject"])
        let category = try f.strings(#"Get-CsPersistentChatCategory atl-cs-001.litwareinc.com\IT | ForEach-Object { '{0}|{1}|{2}|{3}|{4}|{5}' -f $_.Name, $_.Invites, $_.Invitations, $_.FileUpload, $_.ChatHistory, ($_.AllowedMembers -join ';') }"#)
        #expect(category == ["IT|True|True|False|True|sip:kenmyer@litwareinc.com;CN=Finance,OU=ExternalUsers,DC=litwareinc,DC=com"])
        #expect(try f.strings("(Get-CsPersistentChatCategory atl-cs-001.litwareinc.com\\IT -AsObject).AllowedMembers") == ["Ken Myer", "Finance"])
        #expect(try f.strings("(Get-CsPersistentChatCategory -PersistentChatPoolFqdn atl-cs-001.litwareinc.com)[0].PSObject.TypeNames[0]")
                == ["Microsoft.Rtc.Management.PersistentChat.Cmdlets.CategoryObject"])
        #expect(try f.strings("(Get-CsPersistentChatRoom -Type Auditorium).PSObject.TypeNames[1]") == ["Microsoft.Rtc.Management.Chat.Cmdlets.ChatRoom"])
        #expect(try f.strings("(Get-CsPersistentChatAddin).PSObject.TypeNames[0]") == ["Microsoft.Rtc.Management.PersistentChat.Cmdlets.AddinObject"])
        // New categories: chat history on unless -RemoveChatHistory.
        #expect(try f.strings("(New-CsPersistentChatCategory -Name Quiet -PersistentChatPoolFqdn atl-cs-001.litwareinc.com -RemoveChatHistory).ChatHistory") == ["False"])
        // Piped objects: Set and Remove by Identity.
        try f.run(#"Get-CsPersistentChatRoom -Category atl-cs-001.litwareinc.com\IT | Set-CsPersistentChatRoom -Description Changed"#)
        #expect(try f.strings("Get-CsPersistentChatRoom | ForEach-Object Description") == ["", "Changed", "Changed", ""])
        try f.run("Get-CsPersistentChatAddin | Set-CsPersistentChatAddin -Url https://dash2.litwareinc.com")
        #expect(try f.strings("(Get-CsPersistentChatAddin).Url") == ["https://dash2.litwareinc.com"])
        try f.run("Get-CsPersistentChatCategory -PersistentChatPoolFqdn atl-cs-001.litwareinc.com | Set-CsPersistentChatCategory -ChatHistory $false")
        #expect(try f.strings("Get-CsPersistentChatCategory -PersistentChatPoolFqdn atl-cs-001.litwareinc.com | ForEach-Object ChatHistory") == ["False", "False", "False"])
        #expect(try f.strings("$(Set-CsPersistentChatCategory atl-cs-001.litwareinc.com\\Quiet -Name Silent; Get-CsPersistentChatCategory atl-cs-001.litwareinc.com\\Silent).Name") == ["Silent"])
        // Moving a room keeps it in its pool.
        #expect(try PersistentChatTestDeployment.step(f, #"Set-CsPersistentChatRoom atl-cs-001.litwareinc.com\Help -Category atl-gc-001.litwareinc.com\Redmond"#).errors
                    .contains("A room stays in its pool"))
        try f.run(#"Set-CsPersistentChatRoom atl-cs-001.litwareinc.com\Help -Category Sales"#)
        #expect(try f.strings(#"(Get-CsPersistentChatRoom atl-cs-001.litwareinc.com\Help).Category"#) == ["atl-cs-001.litwareinc.com\\Sales"])
        // Ken is not allowed in Sales, so he is no longer a manager there.
        #expect(try f.strings(#"(Get-CsPersistentChatRoom atl-cs-001.litwareinc.com\Help).Managers"#).isEmpty)
    }

    @Test("-WhatIf changes nothing")
    func whatIf() throws {
        let f = try Self.rooms()
        let before = try f.strings("Get-CsPersistentChatRoom | ForEach-Object { '{0}|{1}|{2}' -f $_.Identity, $_.Disabled, ($_.Members -join ';') }")
        let categoriesBefore = try f.strings("Get-CsPersistentChatCategory | ForEach-Object { '{0}|{1}' -f $_.Identity, $_.FileUpload }")
        let result = try f.run(#"""
            Get-CsPersistentChatRoom | Set-CsPersistentChatRoom -Disabled $true -WhatIf
            Set-CsPersistentChatRoom atl-cs-001.litwareinc.com\Help -Members $null -WhatIf
            Get-CsPersistentChatRoom | Remove-CsPersistentChatRoom -WhatIf
            Get-CsPersistentChatRoom | Clear-CsPersistentChatRoom -EndDate 1/1/2030 -WhatIf
            Remove-CsPersistentChatMessage -Identity atl-cs-001.litwareinc.com\Help -WhatIf
            Get-CsPersistentChatCategory | Set-CsPersistentChatCategory -FileUpload $true -WhatIf
            Remove-CsPersistentChatCategory atl-cs-001.litwareinc.com\Sales -WhatIf
            Get-CsPersistentChatAddin | Remove-CsPersistentChatAddin -WhatIf
            Set-CsPersistentChatAddin atl-cs-001.litwareinc.com\Dash -Url https://x.litwareinc.com -WhatIf
            Set-CsPersistentChatState -Identity PersistentChatServer:atl-gc-001.litwareinc.com -PoolState FailedOver -WhatIf
            Set-CsPersistentChatPolicy -EnablePersistentChat $true -WhatIf
            Set-CsPersistentChatConfiguration -DefaultChatHistory 50 -WhatIf
            """#)
        #expect(result.host.output.contains("What if: Performing the operation \"Remove-CsPersistentChatRoom\" on target \"atl-cs-001.litwareinc.com\\Help\""))
        #expect(try f.strings("Get-CsPersistentChatRoom | ForEach-Object { '{0}|{1}|{2}' -f $_.Identity, $_.Disabled, ($_.Members -join ';') }") == before)
        #expect(try f.strings("Get-CsPersistentChatCategory | ForEach-Object { '{0}|{1}' -f $_.Identity, $_.FileUpload }") == categoriesBefore)
        #expect(try f.strings("(Get-CsPersistentChatAddin).Url") == ["https://dash.litwareinc.com"])
        #expect(try f.strings("(Get-CsPersistentChatState PersistentChatServer:atl-gc-001.litwareinc.com).PoolState") == ["Normal"])
        #expect(try f.strings("(Get-CsPersistentChatPolicy Global).EnablePersistentChat") == ["False"])
        #expect(try f.strings("(Get-CsPersistentChatConfiguration Global).DefaultChatHistory") == ["30"])
    }

    @Test("Default views: a table for categories, rooms, add-ins and state; lists for policies")
    func views() throws {
        let f = try Self.rooms()
        let rooms = try f.formatted("Get-CsPersistentChatRoom -PersistentChatPoolFqdn atl-gc-001.litwareinc.com")
        #expect(rooms.contains("Name") && rooms.contains("Category") && rooms.contains("Privacy"))
        #expect(rooms.contains("RedmondChatRoom") && rooms.contains("atl-gc-001.litwareinc.com\\Redmond") && rooms.contains("Closed"))
        #expect(!rooms.contains("Presenters"))
        let categories = try f.formatted("Get-CsPersistentChatCategory -PersistentChatPoolFqdn atl-gc-001.litwareinc.com")
        #expect(categories.contains("Identity") && categories.contains("Invitations") && categories.contains("FileUpload"))
        let list = try f.formatted("Get-CsPersistentChatCategory -PersistentChatPoolFqdn atl-gc-001.litwareinc.com | Format-List")
        #expect(list.contains("AllowedMembers : {}"))
        let addins = try f.formatted("Get-CsPersistentChatAddin")
        #expect(addins.contains("Identity") && addins.contains("https://dash.litwareinc.com"))
        let state = try f.formatted("Get-CsPersistentChatState -Identity PersistentChatServer:atl-gc-001.litwareinc.com")
        #expect(state.contains("PoolState") && state.contains("Normal"))
        let policy = try f.formatted("Get-CsPersistentChatPolicy")
        #expect(policy.contains("EnablePersistentChat : False"))
    }

    @Test("Every cmdlet has help with a synopsis, a description, examples and parameter help")
    func help() throws {
        let declarations = PersistentChatCmdlets.all
        #expect(declarations.count == 24)
        for declaration in declarations {
            #expect(!declaration.synopsis.isEmpty && declaration.description.count > 80, "\(declaration.name)")
            #expect(!declaration.examples.isEmpty, "\(declaration.name)")
            #expect(declaration.moduleName == "Lync", "\(declaration.name)")
            #expect(declaration.securityArea?.hasPrefix("PersistentChat") == true, "\(declaration.name)")
            for parameter in declaration.parameters { #expect(!parameter.help.isEmpty, "\(declaration.name) -\(parameter.name)") }
            let removes = declaration.name.hasPrefix("Remove-") || declaration.name.hasPrefix("Clear-")
            if removes { #expect(declaration.supportsShouldProcess && declaration.confirmImpact == .High, "\(declaration.name)") }
        }
        let f = DeploymentFixture()
        let help = try f.strings("Get-Help Remove-CsPersistentChatRoom -Full | Out-String").joined()
        #expect(help.contains("Deletes a Persistent Chat room") && help.contains("Get-CsPersistentChatRoom -Privacy"))
    }

    @Test("A CsPersistentChatAdministrator may run them; a CsHelpDesk user may not")
    func roles() throws {
        let f = try Self.rooms()
        try f.addUser("pat", groups: ["CsPersistentChatAdministrator"])
        try f.addUser("helen", groups: ["CsHelpDesk"])
        let allowed = try f.outcome("New-CsPersistentChatAddin -Name Wiki -Url https://wiki.litwareinc.com -PersistentChatPoolFqdn atl-cs-001.litwareinc.com | ForEach-Object Identity", user: "pat")
        #expect(allowed.errors.isEmpty && allowed.output == ["atl-cs-001.litwareinc.com\\Wiki"])
        let refused = try f.outcome("Remove-CsPersistentChatAddin atl-cs-001.litwareinc.com\\Wiki -Force", user: "helen")
        #expect(refused.errors.contains("may not run Remove-CsPersistentChatAddin"))
        #expect(try f.strings("(Get-CsPersistentChatAddin).Name").contains("Wiki"))
    }
}
