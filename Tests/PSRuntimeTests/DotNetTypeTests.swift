import Testing
@testable import PSRuntime

/// The .NET surface admin scripts use, with the results pwsh documents: `[ref]`, TryParse,
/// Stopwatch, Normalize, IPAddress, `[char[]]`, PSObject.Properties, PSCredential, the parser.
@Suite struct DotNetTypeTests: SnippetRunning {
    @Test(arguments: [
        ("$n = 0; [int]::TryParse('42', [ref]$n); $n", ["True", "42"]),
        ("$n = 5; [int]::TryParse('4.2', [ref]$n); $n", ["False", "0"]),
        ("[int]::TryParse(' -7 ', [ref]$fresh); $fresh", ["True", "-7"]),
        ("[int]::TryParse('0x10', [ref]$n); [long]::TryParse('9999999999', [ref]$l); $l", ["False", "True", "9999999999"]),
        ("$d = 0.0; [double]::TryParse('1,234.5', [ref]$d); $d", ["True", "1234.5"]),
        ("$t = $null; [datetime]::TryParse('2024-03-05', [ref]$t); $t.Month; [datetime]::TryParse('nope', [ref]$t); $t.Year",
         ["True", "3", "False", "1"]),
        ("$v = $null; [version]::TryParse('1.2.3', [ref]$v); $v.Build; [version]::TryParse('x', [ref]$v); $null -eq $v",
         ["True", "3", "False", "True"]),
        ("$g = $null; [guid]::TryParse('0f8fad5b-d9cb-469f-a165-70867728950e', [ref]$g); $g.GetType().Name; [guid]::TryParse('0f8fad5bd9cb469fa16570867728950e', [ref]$g)",
         ["True", "Guid", "True"]),
        ("$b = $null; [bool]::TryParse('TRUE', [ref]$b); $b", ["True", "True"]),
        ("$ip = $null; [ipaddress]::TryParse('192.168.0.1', [ref]$ip); \"$ip\"; [ipaddress]::TryParse('1.2.3.256', [ref]$ip)",
         ["True", "192.168.0.1", "False"]),
    ])
    func tryParseAssignsThroughTheReference(script: String, expected: [String]) throws {
        #expect(try run(script) == expected, "\(script)")
    }

    @Test func referencesWriteTheVariable() throws {
        #expect(try run("$x = 1; $r = [ref]$x; $r.Value = 10; $x; $r.Value; $r.GetType().FullName")
                == ["10", "10", "System.Management.Automation.PSReference"])
        #expect(try run("function Set-It([ref]$target) { $target.Value = 'set' }; $y = 'a'; Set-It ([ref]$y); $y") == ["set"])
        #expect(try run("$r = [ref]5; $r.Value += 1; $r.Value") == ["6"])
        #expect(try run("[int]$typed = 1; $r = [ref]$typed; $r.Value = '7'; $typed.GetType().Name") == ["Int32"])
        #expect(snippetErrorId("[int]::TryParse('1', 5)") == "NonRefArgumentToRefParameterMsg")
    }

    @Test func stopwatchMeasures() throws {
        let out = try run("""
            $sw = [System.Diagnostics.Stopwatch]::StartNew(); $sw.IsRunning
            $sw.Stop(); $sw.IsRunning; $sw.Elapsed.GetType().Name; $sw.ElapsedMilliseconds -ge 0; $sw.ElapsedTicks -gt 0
            $sw.Reset(); $sw.ElapsedTicks; $sw.Restart(); $sw.IsRunning
            $w = [System.Diagnostics.Stopwatch]::new(); $w.IsRunning; $w.Start(); $w.IsRunning
            [System.Diagnostics.Stopwatch]::Frequency
            """)
        #expect(out == ["True", "False", "TimeSpan", "True", "True", "0", "True", "False", "True", "1000000000"])
    }

    @Test func normalizationForms() throws {
        let out = try run("""
            $s = 'e' + [char]0x301
            $s.Normalize().Length; $s.Normalize([Text.NormalizationForm]::FormC).Length
            'é'.Normalize([System.Text.NormalizationForm]::FormD).Length; 'ﬁ'.Normalize('FormKC'); 'ﬁ'.Normalize('FormKD').Length
            $s.IsNormalized(); $s.IsNormalized([Text.NormalizationForm]::FormD); [Text.NormalizationForm]::FormKD.value__
            """)
        #expect(out == ["1", "1", "2", "fi", "2", "False", "True", "6"])
    }

    @Test func ipAddresses() throws {
        let out = try run("""
            [System.Net.IPAddress]::Parse('10.0.0.1').ToString(); ([ipaddress]'10.1').IPAddressToString
            $a = [ipaddress]'192.168.1.20'; $a.AddressFamily; $a.GetAddressBytes() -join '.'
            $v6 = [ipaddress]'2001:0db8:0000:0000:0000:0000:0000:0001'; "$v6"; $v6.AddressFamily
            "$([ipaddress]::Any) $([ipaddress]::Loopback) $([ipaddress]::IPv6Loopback) $([ipaddress]::Broadcast)"
            [ipaddress]::IsLoopback('127.0.0.1'); $a -is [ipaddress]; ([ipaddress]'::ffff:10.0.0.1').IsIPv4MappedToIPv6
            ([ipaddress]'10.0.0.1').Equals([ipaddress]'10.0.0.1')
            """)
        #expect(out == ["10.0.0.1", "10.0.0.1", "InterNetwork", "192.168.1.20", "2001:db8::1", "InterNetworkV6",
                        "0.0.0.0 127.0.0.1 ::1 255.255.255.255", "True", "True", "True", "True"])
        #expect(snippetErrorId("[ipaddress]::Parse('300.1.1.1')") == "FormatException")
        #expect(snippetErrorId("[ipaddress]'nope'") == "InvalidCastParseTargetInvocation")
    }

    @Test func charArraysFromStrings() throws {
        #expect(try run("([char[]]'abc').Count; ('xy' -as [char[]]).Count; ([char[]]'abc') -join '-'; ([char[]]'hi').GetType().FullName")
                == ["3", "2", "a-b-c", "System.Char[]"])
        #expect(try run("-join ([char[]]'olleh')[4..0]") == ["hello"])
    }

    @Test func psObjectPropertiesCollection() throws {
        let out = try run("""
            $o = [pscustomobject]@{ A = 1; Apple = 'x'; B = 2 }
            $o.PSObject.Properties['A'].Value; $null -eq $o.PSObject.Properties['Nope']
            $o.PSObject.Properties.Add([psnoteproperty]::new('C', 3)); $o.C
            $o.PSObject.Properties.Match('A*').Name -join ','
            $o.PSObject.Properties.Remove('B'); $o.PSObject.Properties.Name -join ','
            [System.Management.Automation.PSNoteProperty]::new('N', 'v').Name
            $o.PSObject.Properties['A'].MemberType; @($o.PSObject.Properties).Count
            """)
        #expect(out == ["1", "True", "3", "A,Apple", "A,Apple,C", "N", "NoteProperty", "3"])
        #expect(snippetErrorId("$o = [pscustomobject]@{A=1}; $o.PSObject.Properties.Add([psnoteproperty]::new('A', 2))") == "ExtendedTypeSystemException")
    }

    @Test func credentials() throws {
        let out = try run("""
            $s = [securestring]::new(); $s.AppendChar('p'); $s.AppendChar('w')
            $c = [pscredential]::new('CORP\\bob', $s)
            $c.UserName; "$($c.Password)"; $c.GetNetworkCredential().Password; $c.GetNetworkCredential().Domain
            $c.GetNetworkCredential().UserName; $c -is [System.Management.Automation.PSCredential]
            """)
        #expect(out == ["CORP\\bob", "System.Security.SecureString", "pw", "CORP", "bob", "True"])
        #expect(snippetErrorId("[pscredential]::new('u', 'plain')") == "MethodArgumentConversionInvalidCastArgument")
    }

    @Test func environmentAndPaths() throws {
        let out = try run("""
            [Environment]::NewLine.Length; [Environment]::OSVersion.Platform; [Environment]::ProcessorCount -ge 1
            [Environment]::SetEnvironmentVariable('PCSH_DOTNET_TEST', 'v'); [Environment]::GetEnvironmentVariable('PCSH_DOTNET_TEST')
            [System.IO.Path]::ChangeExtension('/a/b.txt', '.log'); [System.IO.Path]::GetExtension('x.tar.gz')
            [System.IO.Path]::IsPathRooted('/x'); [System.IO.Path]::GetDirectoryName('/a/b/c.txt'); [System.IO.Path]::DirectorySeparatorChar
            """)
        #expect(out == ["1", "Unix", "True", "v", "/a/b.log", ".gz", "True", "/a/b", "/"])
    }
}

extension DotNetTypeTests {
    @Test func propertyValuesWriteThroughToTheObject() throws {
        let out = try run("""
            $o = [pscustomobject]@{ Name = ' srv01 '; Site = ' lab ' }
            foreach ($p in $o.PSObject.Properties) { $p.Value = $p.Value.Trim() }
            "[$($o.Name)] [$($o.Site)]"
            $o.PSObject.Properties['Name'].Value = 'srv02'; $o.Name; $o.PSObject.Properties['Name'].Value
            """)
        #expect(out == ["[srv01] [lab]", "srv02", "srv02"])
    }
}
