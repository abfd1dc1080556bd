import Foundation

/// Values that could not fit in memory are refused before they are built: a huge repetition or
/// concatenation (`,0 * 1000000000`, a string doubled 40 times) is PowerShell's catchable
/// out-of-memory error, not an abort of the whole process.
enum AllocationGuard {
    /// The most one value may take: half of the machine's memory.
    static let limitBytes = Double(ProcessInfo.processInfo.physicalMemory) / 2

    /// .NET's largest string (in UTF-16 units) and array (in elements): past them .NET throws
    /// OutOfMemoryException too, and lengths stay within [int].
    static let maxStringLength = 0x3FFF_FFDF
    static let maxArrayLength = 0x7FFF_FFC7

    /// Throws when a string of `length` characters would pass .NET's limit or the memory limit.
    static func check(stringLength length: Int) throws {
        if length > maxStringLength { throw outOfMemory(Double(length) * 2) }
        try check(count: length, itemBytes: 1)
    }

    /// Throws when `count` items of `itemBytes` bytes each would pass the limit.
    static func check(count: Int, itemBytes: Int) throws {
        let bytes = Double(count) * Double(max(1, itemBytes))
        guard bytes > limitBytes else { return }
        throw outOfMemory(bytes)
    }

    /// The widest BigInteger result pcsh builds (about 315,000 decimal digits): its arithmetic
    /// and decimal text grow faster than linearly, so a wider one would stall the shell.
    static let maxBigIntegerBits = 1 << 20

    /// Throws when a BigInteger result would need more than `maxBigIntegerBits` bits.
    static func check(bigIntegerBits bits: Double) throws {
        guard bits > Double(maxBigIntegerBits) else { return }
        throw outOfMemory(bits / 8)
    }

    private static func outOfMemory(_ bytes: Double) -> RuntimeError {
        var error = RuntimeError("Exception of type 'System.OutOfMemoryException' was thrown: the result would need about \(Self.describe(bytes)), more than one value can hold here. Use smaller counts or process the data in parts.",
                                 id: "System.OutOfMemoryException", category: .NotSpecified,
                                 exceptionType: "System.OutOfMemoryException")
        error.isScriptTerminating = false
        return error
    }

    private static func describe(_ bytes: Double) -> String {
        bytes >= 1_073_741_824 ? String(format: "%.0f GB", bytes / 1_073_741_824) : String(format: "%.0f MB", bytes / 1_048_576)
    }
}
