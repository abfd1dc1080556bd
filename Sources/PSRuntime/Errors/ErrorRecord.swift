import PSLanguage

/// PowerShell's error categories, by their .NET names.
public enum ErrorCategory: String, Sendable, CaseIterable {
    case NotSpecified, OpenError, CloseError, DeviceError, DeadlockDetected, InvalidArgument, InvalidData,
         InvalidOperation, InvalidResult, InvalidType, MetadataError, NotImplemented, NotInstalled,
         ObjectNotFound, OperationStopped, OperationTimeout, SyntaxError, ParserError, PermissionDenied,
         ResourceBusy, ResourceExists, ResourceUnavailable, ReadError, WriteError, FromStdErr,
         SecurityError, ProtocolError, ConnectionError, AuthenticationError, LimitsExceeded,
         QuotaExceeded, NotEnabled
}

/// The exception inside an error record. `typeName` and its base types decide which typed
/// `catch [T]` clauses match.
public final class PSException {
    /// Full .NET name, e.g. `System.Management.Automation.ItemNotFoundException`.
    public let typeName: String
    public var message: String
    public let innerException: PSException?
    /// The record this exception carries (PowerShell's `IContainsErrorRecord`), when any.
    public weak var errorRecord: ErrorRecord?
    /// Set for exceptions raised by a `throw` statement (the error view then says `Exception:`).
    public var wasThrownFromThrowStatement = false
    /// A value thrown with `throw <object>`; `$_.TargetObject` and `.Exception` expose it.
    public var thrownValue: PSValue?

    public init(typeName: String = "System.Management.Automation.RuntimeException", message: String,
                innerException: PSException? = nil) {
        self.typeName = typeName
        self.message = message
        self.innerException = innerException
    }

    /// The type name and its bases, most derived first (for `catch` matching and `-is`).
    public var typeHierarchy: [String] { ExceptionTypes.hierarchy(of: typeName) }
}

/// Where an error happened: the command and the script position.
public struct InvocationInfo {
    public var commandName: String?
    public var extent: SourceExtent?

    public init(commandName: String? = nil, extent: SourceExtent? = nil) {
        self.commandName = commandName
        self.extent = extent
    }

    public var scriptName: String? { extent?.file?.path }
    public var line: String? { extent.flatMap { $0.file?.lineText($0.startLine) } }
}

/// An error as data (PowerShell's ErrorRecord): what went wrong, its stable id, its category and
/// where it happened. Non-terminating errors travel on the error stream; terminating ones are
/// thrown inside a `RuntimeError`.
public final class ErrorRecord {
    public let exception: PSException
    /// The id without the command suffix, e.g. `PathNotFound`.
    public let errorId: String
    public let category: ErrorCategory
    public var targetObject: PSValue?
    public var invocationInfo: InvocationInfo
    /// PowerShell appends the command's type name: `PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand`.
    public var fullyQualifiedErrorId: String
    /// Free text that replaces the category line in the detailed view (`Write-Error -CategoryActivity` etc.).
    public var recommendedAction: String?
    public var scriptStackTrace: String = ""
    /// Set by commands that report on behalf of their caller (Write-Error): the id's suffix then
    /// names the calling function, and there is none at script level.
    public var attributeToCaller = false

    public init(exception: PSException, errorId: String, category: ErrorCategory,
                targetObject: PSValue? = nil, invocationInfo: InvocationInfo = InvocationInfo(),
                fullyQualifiedErrorId: String? = nil) {
        self.exception = exception
        self.errorId = errorId
        self.category = category
        self.targetObject = targetObject
        self.invocationInfo = invocationInfo
        self.fullyQualifiedErrorId = fullyQualifiedErrorId ?? errorId
        if exception.errorRecord == nil { exception.errorRecord = self }
    }

    /// A record for a message, with the exception type PowerShell would use.
    public convenience init(_ message: String, id: String, category: ErrorCategory,
                            exceptionType: String = "System.Management.Automation.RuntimeException",
                            target: PSValue? = nil) {
        self.init(exception: PSException(typeName: exceptionType, message: message), errorId: id,
                  category: category, targetObject: target)
    }

    public var message: String { exception.message }

    /// The `CategoryInfo` text, e.g. `ObjectNotFound: (x:String) [Get-Item], ItemNotFoundException`.
    public var categoryInfoText: String {
        let reason = exception.typeName.split(separator: ".").last.map(String.init) ?? exception.typeName
        let activity = invocationInfo.commandName ?? ""
        return "\(category.rawValue): (:) [\(activity)], \(reason)"
    }

    /// A copy attributed to a command (used when a cmdlet's error is written to the stream).
    public func attributed(to commandName: String, commandTypeName: String?, extent: SourceExtent?) -> ErrorRecord {
        if invocationInfo.commandName == nil { invocationInfo.commandName = commandName }
        if invocationInfo.extent == nil { invocationInfo.extent = extent }
        if let commandTypeName, fullyQualifiedErrorId == errorId {
            fullyQualifiedErrorId = "\(errorId),\(commandTypeName)"
        }
        return self
    }
}

/// Exception type names and their base types, so that `catch [System.IO.IOException]` catches
/// a `FileNotFoundException` and `catch [System.Exception]` catches everything.
public enum ExceptionTypes {
    private static let parents: [String: String] = [
        "System.Management.Automation.RuntimeException": "System.SystemException",
        "System.Management.Automation.ItemNotFoundException": "System.Management.Automation.SessionStateException",
        "System.Management.Automation.SessionStateException": "System.Management.Automation.RuntimeException",
        "System.Management.Automation.CommandNotFoundException": "System.Management.Automation.RuntimeException",
        "System.Management.Automation.ParameterBindingException": "System.Management.Automation.RuntimeException",
        "System.Management.Automation.ParseException": "System.Management.Automation.RuntimeException",
        "System.Management.Automation.ValidationMetadataException": "System.Management.Automation.MetadataException",
        "System.Management.Automation.MetadataException": "System.Management.Automation.RuntimeException",
        "System.Management.Automation.PSInvalidCastException": "System.InvalidCastException",
        "System.Management.Automation.PSArgumentException": "System.ArgumentException",
        "System.Management.Automation.PSInvalidOperationException": "System.InvalidOperationException",
        "System.Management.Automation.PSNotSupportedException": "System.NotSupportedException",
        "System.Management.Automation.MethodInvocationException": "System.Management.Automation.MethodException",
        "System.Management.Automation.MethodException": "System.Management.Automation.RuntimeException",
        "System.Management.Automation.PipelineStoppedException": "System.Management.Automation.RuntimeException",
        "System.Management.Automation.ActionPreferenceStopException": "System.Management.Automation.RuntimeException",
        "System.Management.Automation.PSArgumentOutOfRangeException": "System.ArgumentOutOfRangeException",
        "System.Management.Automation.PropertyNotFoundException": "System.Management.Automation.ExtendedTypeSystemException",
        "System.Management.Automation.ExtendedTypeSystemException": "System.Management.Automation.RuntimeException",
        "System.Management.Automation.SetValueInvocationException": "System.Management.Automation.SetValueException",
        "System.Management.Automation.SetValueException": "System.Management.Automation.ExtendedTypeSystemException",
        "System.Management.Automation.DriveNotFoundException": "System.Management.Automation.SessionStateException",
        "System.Management.Automation.PSSecurityException": "System.Management.Automation.RuntimeException",
        "System.UnauthorizedAccessException": "System.SystemException",
        "System.IO.FileNotFoundException": "System.IO.IOException",
        "System.IO.DirectoryNotFoundException": "System.IO.IOException",
        "System.IO.IOException": "System.SystemException",
        "System.DivideByZeroException": "System.ArithmeticException",
        "System.OverflowException": "System.ArithmeticException",
        "System.ArithmeticException": "System.SystemException",
        "System.ArgumentNullException": "System.ArgumentException",
        "System.ArgumentOutOfRangeException": "System.ArgumentException",
        "System.ArgumentException": "System.SystemException",
        "System.FormatException": "System.SystemException",
        "System.InvalidCastException": "System.SystemException",
        "System.InvalidOperationException": "System.SystemException",
        "System.NotSupportedException": "System.SystemException",
        "System.NotImplementedException": "System.SystemException",
        "System.IndexOutOfRangeException": "System.SystemException",
        "System.NullReferenceException": "System.SystemException",
        "System.Collections.Generic.KeyNotFoundException": "System.SystemException",
        "System.Management.Automation.MethodInvocationException.Inner": "System.Exception",
        "Microsoft.PowerShell.Commands.WriteErrorException": "System.SystemException",
        "System.Text.RegularExpressions.RegexParseException": "System.ArgumentException",
        "System.Xml.XmlException": "System.SystemException",
        "System.Text.Json.JsonException": "System.Exception",
        "System.SystemException": "System.Exception",
        "System.ApplicationException": "System.Exception",
        "System.Exception": "System.Object",
    ]

    public static func hierarchy(of typeName: String) -> [String] {
        var chain = [typeName]
        var current = typeName
        while let parent = parents[current] ?? (current == "System.Object" ? nil : (current == "System.Exception" ? "System.Object" : "System.Exception")),
              !chain.contains(parent) {
            chain.append(parent)
            current = parent
            if parent == "System.Object" { break }
        }
        return chain
    }
}
