import Foundation
import Testing

/// What the shell asks at a terminal: missing mandatory parameters and hidden input.
@Suite(.serialized) struct ReplPromptTests {
    @Test func missingMandatoryParametersAreAskedFor() throws {
        try ReplTerminalTests.withShell { session, prompt, _ in
            session.send("function Greet { param([Parameter(Mandatory, HelpMessage='Who to greet')][string]$Name, [Parameter(Mandatory)][int[]]$Count) \"hi $Name \" + ($Count -join '+') }\r")
            #expect(session.waitFor(prompt))
            session.send("Greet\r")
            #expect(session.waitFor("cmdlet Greet at command pipeline position 1"))
            #expect(session.waitFor("Supply values for the following parameters:"))
            #expect(session.waitFor("(Type !? for Help.)"))
            #expect(session.waitFor("Name: "))
            session.send("!?\r")
            #expect(session.waitFor("Who to greet"))
            #expect(session.waitFor("Name: "))
            session.send("!!Bob\r")
            #expect(session.waitFor("Count[0]: "))
            session.send("1\r")
            #expect(session.waitFor("Count[1]: "))
            session.send("2\r")
            #expect(session.waitFor("Count[2]: "))
            session.send("\r")
            #expect(session.waitFor("hi !Bob 1+2"))
            #expect(session.waitFor(prompt))

            // An empty answer does not supply a mandatory string.
            session.send("Greet -Count 3\r")
            #expect(session.waitFor("Name: "))
            session.send("\r")
            #expect(session.waitFor("because it is an empty string"))
            #expect(session.waitFor(prompt))

            // Ctrl-C at the question stops the command and runs nothing of it.
            session.send("Greet; 'after' + 'wards'\r")
            #expect(session.waitFor("Name: "))
            Thread.sleep(forTimeInterval: 0.3)
            session.send("\u{03}")
            #expect(session.waitFor(prompt))
            #expect(!session.output.contains("afterwards"))
            session.send("exit\r")
            #expect(session.waitForExit() == 0)
        }
    }

    @Test func readHostAsSecureStringHidesWhatIsTyped() throws {
        try ReplTerminalTests.withShell { session, prompt, _ in
            session.send("$p = Read-Host 'Password' -AsSecureString; $p.GetType().Name; 'len=' + $p.Length; ConvertFrom-SecureString $p -AsPlainText\r")
            #expect(session.waitFor("Password: "))
            session.send("s3cretX")
            session.send("\u{7F}")
            session.send("\r")
            #expect(session.waitFor("SecureString"))
            #expect(session.waitFor("len=6"))
            #expect(session.waitFor(prompt))
            // What was typed never reached the screen; only the deliberate conversion shows it.
            let screen = session.output
            #expect(screen.contains("Password: ******"))
            #expect(screen.components(separatedBy: "s3cret").count - 1 == 1, "\(screen)")
            #expect(!screen.contains("s3cretX"))
            session.send("exit\r")
            #expect(session.waitForExit() == 0)
        }
    }
}
