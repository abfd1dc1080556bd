import PSRuntime

/// Writes a non-terminating error record to the error stream.
final class WriteErrorCommand: Cmdlet {
    static let declaration = CmdletDeclaration(
        WriteErrorCommand.self, name: "Write-Error",
        synopsis: "Writes an error to the error stream without stopping the command.",
        description: "Builds an error record from a message, an exception or an existing record. $ErrorActionPreference and -ErrorAction decide what happens next.",
        defaultParameterSet: "NoException",
        examples: [HelpExample("Write-Error 'Disk almost full' -Category ResourceUnavailable", "Writes an error with a category."),
                   HelpExample("Write-Error -Message 'Bad id' -ErrorId BadId -TargetObject 42", "Writes an error with its own id and target.")],
        parameters: [
            // Mandatory only in NoException in PowerShell; one declaration serves both sets here.
            Parameter("Message", \.message, position: 0, sets: ["NoException", "WithException"], pipeline: .byValue,
                      aliases: ["Msg"], help: "The text of the error."),
            Parameter("Exception", \.exception, mandatory: true, sets: ["WithException"], help: "The exception the error carries."),
            Parameter("ErrorRecord", \.errorRecord, mandatory: true, sets: ["ErrorRecord"], help: "An existing error record to write."),
            Parameter("Category", \.category, sets: ["NoException", "WithException"], help: "The error category.",
                      defaultValue: "NotSpecified"),
            Parameter("ErrorId", \.errorId, sets: ["NoException", "WithException"], help: "A stable id for the error."),
            Parameter("TargetObject", \.targetObject, sets: ["NoException", "WithException"], help: "The object the error is about."),
            Parameter("RecommendedAction", \.recommendedAction, help: "What the user can do about it."),
            Parameter("CategoryActivity", \.categoryActivity, aliases: ["Activity"], help: "The activity that failed."),
            Parameter("CategoryReason", \.categoryReason, aliases: ["Reason"], help: "Why it failed."),
            Parameter("CategoryTargetName", \.categoryTargetName, aliases: ["TargetName"], help: "The name of the target."),
            Parameter("CategoryTargetType", \.categoryTargetType, aliases: ["TargetType"], help: "The type of the target."),
        ])

    static let defaultErrorId = "Microsoft.PowerShell.Commands.WriteErrorException"

    var message: String?
    var exception: PSValue = .null
    var errorRecord: PSValue = .null
    var category: ErrorCategoryArgument = .NotSpecified
    var errorId: String?
    var targetObject: PSValue?
    var recommendedAction: String?
    var categoryActivity: String?
    var categoryReason: String?
    var categoryTargetName: String?
    var categoryTargetType: String?

    func process(_ context: CommandContext) throws {
        let record: ErrorRecord
        if context.parameterSetName == "ErrorRecord" {
            guard case .object(let o) = errorRecord.baseValue, let given = o as? ErrorRecord else {
                throw context.terminatingError("The -ErrorRecord argument is not an error record.", id: "ArgumentTypeMismatch",
                                               category: .InvalidArgument,
                                               exceptionType: "System.Management.Automation.PSArgumentException")
            }
            record = given
        } else {
            let text = message ?? ""
            let wrapped: PSException
            switch exception.baseValue {
            case .object(let o as PSException):
                wrapped = o
            case .object(let o as ErrorRecord):
                wrapped = o.exception
            case .null:
                wrapped = PSException(typeName: Self.defaultErrorId, message: text)
            case let other:
                wrapped = PSException(typeName: "System.Exception", message: LanguagePrimitives.toString(other, context: context.session))
            }
            if context.isBound("Message"), !text.isEmpty { wrapped.message = text }
            let id = (errorId?.isEmpty == false ? errorId : nil) ?? Self.defaultErrorId
            record = ErrorRecord(exception: wrapped, errorId: id,
                                 category: ErrorCategory(rawValue: category.rawValue) ?? .NotSpecified,
                                 targetObject: targetObject)
        }
        if let recommendedAction { record.recommendedAction = recommendedAction }
        // Write-Error speaks for its caller: the id's suffix names the calling function, not Write-Error.
        record.attributeToCaller = true
        try context.writeError(record)
    }
}

/// `-Category` values (System.Management.Automation.ErrorCategory) as a parameter type.
enum ErrorCategoryArgument: String, ParameterEnum {
    case NotSpecified, OpenError, CloseError, DeviceError, DeadlockDetected, InvalidArgument, InvalidData,
         InvalidOperation, InvalidResult, InvalidType, MetadataError, NotImplemented, NotInstalled,
         ObjectNotFound, OperationStopped, OperationTimeout, SyntaxError, ParserError, PermissionDenied,
         ResourceBusy, ResourceExists, ResourceUnavailable, ReadError, WriteError, FromStdErr,
         SecurityError, ProtocolError, ConnectionError, AuthenticationError, LimitsExceeded,
         QuotaExceeded, NotEnabled

    static var parameterTypeName: String { "ErrorCategory" }
}
