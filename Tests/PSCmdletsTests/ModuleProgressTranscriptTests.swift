import Foundation
import PSRuntime
import Testing
@testable import PSCmdlets

@Suite("Progress and transcripts")
struct ModuleProgressTranscriptTests {
    @Test("The progress line shows activity, status, bar, percent and time left")
    func progressLineLayout() {
        let record = ProgressRecord(id: 0, parentId: -1, activity: "Copying", status: "3 of 10", percentComplete: 30,
                                    secondsRemaining: 65, currentOperation: "a.txt")
        #expect(ProgressBar.render(record, width: 120)
                == "Copying: 3 of 10 [oooooo              ] 30% 1m 05s left a.txt")
    }

    @Test("Unknown percent and time leave the bar and time out; long lines are cut")
    func progressLineOptionalParts() {
        let record = ProgressRecord(id: 0, parentId: -1, activity: "Scanning", status: "", percentComplete: -1,
                                    secondsRemaining: -1, currentOperation: "")
        #expect(ProgressBar.render(record, width: 120) == "Scanning")
        var long = record
        long.status = String(repeating: "x", count: 200)
        let line = ProgressBar.render(long, width: 40)
        #expect(line.count == 39 && line.hasSuffix("…"))
        #expect(ProgressBar.timeLeft(3723) == "1h 02m 03s")
    }

    @Test("Write-Progress writes nothing to the host")
    func writeProgressIsSilentOffTerminal() throws {
        let (values, host) = try runScript("Write-Progress -Activity A -Status B -PercentComplete 50; Write-Progress A -Completed")
        #expect(values.isEmpty)
        #expect(host.output.isEmpty && host.diagnostics.isEmpty)
    }

    @Test("A transcript holds the host's text between Start and Stop, with header and footer")
    func transcriptRecordsHostText() throws {
        let folder = try FileSystemTestDirectory()
        defer { folder.remove() }
        let (values, host) = try runScript("""
            Start-Transcript -Path '\(folder.path)/t.txt'
            Write-Host 'shown on host'
            Write-Warning 'careful'
            Stop-Transcript
            Write-Host 'after stop'
            """)
        let text = try #require(folder.read("t.txt"))
        #expect(text.hasPrefix("**********************\nPowerShell transcript start\nStart time: "))
        #expect(text.contains("shown on host\n"))
        #expect(text.contains("careful"))
        #expect(!text.contains("after stop"))
        #expect(text.range(of: #"PowerShell transcript end\nEnd time: \d{14}\n\*{22}\n$"#, options: .regularExpression) != nil)
        #expect(values.count == 2)
        #expect(host.output.contains("after stop"))
    }

    @Test("A transcript and a progress bar stack in either order and each leaves the host as it found it")
    func transcriptAndProgressStack() throws {
        let folder = try FileSystemTestDirectory()
        defer { folder.remove() }
        let host = RecordingHostUI(inputLines: [])
        let session = BuiltinCmdlets.makeSession(host: host)
        let display = ProgressDisplay.of(session)
        let record = ProgressRecord(id: 1, parentId: -1, activity: "Copying", status: "", percentComplete: 10,
                                    secondsRemaining: -1, currentOperation: "")
        // Transcript first, then a bar in front of it: Stop-Transcript still finds the transcript.
        _ = try session.evaluate("Start-Transcript -Path '\(folder.path)/a.txt'")
        display.update(record, context: session)
        _ = try session.evaluate("Write-Host 'during bar'; Stop-Transcript")
        #expect(session.host is ProgressAwareHostUI)
        display.complete(id: 1, context: session)
        #expect(session.host === host)
        #expect(folder.read("a.txt")?.contains("during bar\n") == true)
        // Bar first, then a transcript in front of it: completing the bar keeps the transcript.
        display.update(record, context: session)
        _ = try session.evaluate("Start-Transcript -Path '\(folder.path)/b.txt'")
        display.complete(id: 1, context: session)
        _ = try session.evaluate("Write-Host 'after bar'; Stop-Transcript")
        #expect(session.host === host)
        #expect(folder.read("b.txt")?.contains("after bar\n") == true)
    }

    @Test("Stop-Transcript without a transcript is an error")
    func stopWithoutStart() throws {
        let output = try outputStrings("try { Stop-Transcript } catch { $_.FullyQualifiedErrorId }")
        #expect(output == ["InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand"])
    }
}
