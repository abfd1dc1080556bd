import Foundation
import LyncDeployment
import PSRuntime

/// Shows the migration's phases on -Verbose (with counts and times) and its progress as a bar.
final class CmdletMigrationObserver: MigrationObserver {
    let context: CommandContext
    let activity: String
    private var lastDraw = Date.distantPast

    init(context: CommandContext, activity: String) {
        self.context = context
        self.activity = activity
    }

    func phaseStarted(_ phase: String) {
        try? context.writeVerbose("\(activity): \(phase)…")
        context.writeProgress(ProgressUpdate(activity: activity, status: phase))
    }

    func progress(_ phase: String, done: Int, total: Int) {
        // A bar redrawn a few times a second is enough.
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let percent = total > 0 ? min(100, done * 100 / total) : -1
        context.writeProgress(ProgressUpdate(activity: activity, status: "\(phase): \(done)\(total > 0 ? " of \(total)" : "")",
                                             percentComplete: percent))
    }

    func phaseEnded(_ phase: String, count: Int, seconds: Double) {
        try? context.writeVerbose("\(activity): \(phase) done: \(count) item\(count == 1 ? "" : "s") in \(String(format: "%.2f", seconds)) s.")
    }

    func finish() {
        context.writeProgress(ProgressUpdate(activity: activity, completed: true))
    }
}

extension ChatExportFormat.Level: ParameterEnum {
    public static var parameterTypeName: String { "ExportLevel" }
}

/// -ByteInput: the bytes of an export, from `Export-CsPersistentChatData -AsBytes` (a Byte[]),
/// or numbers 0–255.
struct ExportBytes: ParameterValue {
    let data: Data
    static var parameterTypeName: String { "Byte[]" }
    static var isCollection: Bool { true }

    static func coerce(_ value: PSValue, _ context: ExecutionContext) throws -> PSValue {
        let items = value.baseValue.enumerated ?? [value]
        var bytes = [UInt8]()
        bytes.reserveCapacity(items.count)
        for item in items {
            let number = try LanguagePrimitives.toInt64(item)
            guard (0...255).contains(number) else {
                throw RuntimeError("Cannot convert the value \(number) to System.Byte: a byte is 0 to 255.", id: "InvalidCastIConvertible",
                                   category: .InvalidArgument, exceptionType: "System.Management.Automation.PSInvalidCastException")
            }
            bytes.append(UInt8(number))
        }
        return .object(BoxedValue(Data(bytes), typeName: "System.Byte[]"))
    }

    init(coerced: PSValue) {
        if case .object(let object) = coerced, let boxed = object as? BoxedValue<Data> { data = boxed.value } else { data = Data() }
    }
}
