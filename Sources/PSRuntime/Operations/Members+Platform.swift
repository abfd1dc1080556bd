import Foundation

extension Members {
    // MARK: [convert]

    static func convertMethod(_ call: MethodCall) throws -> PSValue? {
        let args = call.arguments
        let lower = call.name.lowercased()
        func bytes(_ v: PSValue) throws -> [UInt8] {
            try (v.enumerated ?? [v]).map { UInt8(truncatingIfNeeded: try LanguagePrimitives.toInt32($0)) }
        }
        switch lower {
        case "toint32", "toint64", "toint16", "tobyte", "touint32", "touint64", "tosbyte", "touint16":
            try call.count(1...2)
            let targets: [String: String] = ["toint32": "int", "toint64": "long", "toint16": "int16", "tobyte": "byte",
                                             "touint32": "uint32", "touint64": "uint64", "tosbyte": "sbyte", "touint16": "uint16"]
            guard let type = PSTypeInfo.resolve(name: targets[lower] ?? "int") else { return nil }
            if args.count == 2 {
                let base = try call.int(1)
                guard [2, 8, 10, 16].contains(base) else { throw call.failure("System.ArgumentException", "Invalid Base. (Parameter 'fromBase')") }
                var text = call.string(0).trimmingCharacters(in: .whitespaces)
                if base == 16, text.lowercased().hasPrefix("0x") { text = String(text.dropFirst(2)) }
                guard let raw = UInt64(text, radix: base) else {
                    throw call.failure("System.FormatException", "Could not find any recognizable digits.")
                }
                let value: Int64
                switch lower {
                case "toint32": value = raw <= UInt64(UInt32.max) ? Int64(Int32(bitPattern: UInt32(raw))) : Int64.max
                case "toint16": value = raw <= UInt64(UInt16.max) ? Int64(Int16(bitPattern: UInt16(raw))) : Int64.max
                case "tosbyte": value = raw <= UInt64(UInt8.max) ? Int64(Int8(bitPattern: UInt8(raw))) : Int64.max
                default: value = Int64(bitPattern: raw)
                }
                return try call.wrapping { try LanguagePrimitives.convert(.long(value), to: type, context: nil) }
            }
            return try call.wrapping { try LanguagePrimitives.convert(args[0], to: type, context: nil) }
        case "tostring":
            try call.count(1...2)
            if args.count == 2 {
                let base = try call.int(1)
                guard [2, 8, 10, 16].contains(base) else { throw call.failure("System.ArgumentException", "Invalid Base. (Parameter 'toBase')") }
                let v = try LanguagePrimitives.toInt64(args[0])
                if base == 10 { return .string(String(v)) }
                let isLong: Bool = { if case .long = args[0].baseValue { return true }; return false }()
                let text = isLong || v > Int64(Int32.max) || v < Int64(Int32.min)
                    ? String(UInt64(bitPattern: v), radix: base) : String(UInt32(bitPattern: Int32(truncatingIfNeeded: v)), radix: base)
                return .string(text)
            }
            return .string(LanguagePrimitives.dotNetToString(args[0], context: call.context))
        case "tobase64string":
            try call.count(1...2)
            return .string(Data(try bytes(args[0])).base64EncodedString())
        case "frombase64string":
            try call.count(1...1)
            guard let data = Data(base64Encoded: call.string(0).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw call.failure("System.FormatException", "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.")
            }
            return .object(PSArray(data.map { .byte($0) }, elementTypeName: "System.Byte"))
        case "tohexstring":
            try call.count(1...1)
            return .string(try bytes(args[0]).map { String(format: "%02X", $0) }.joined())
        case "fromhexstring":
            try call.count(1...1)
            let text = Array(call.string(0).utf8)
            guard text.count % 2 == 0 else { throw call.failure("System.FormatException", "The input is not a valid hex string as its length is not a multiple of 2.") }
            var out: [PSValue] = []
            for i in stride(from: 0, to: text.count, by: 2) {
                guard let b = UInt8(String(decoding: text[i..<(i + 2)], as: UTF8.self), radix: 16) else {
                    throw call.failure("System.FormatException", "The input is not a valid hex string as it contains a non-hex character.")
                }
                out.append(.byte(b))
            }
            return .object(PSArray(out, elementTypeName: "System.Byte"))
        case "toboolean":
            try call.count(1...2)
            if case .string(let s) = args[0].baseValue {
                switch s.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: throw call.failure("System.FormatException", "String '\(s)' was not recognized as a valid Boolean.")
                }
            }
            return .bool(LanguagePrimitives.isTrue(args[0]))
        case "todouble", "tosingle", "todecimal", "tochar", "todatetime":
            try call.count(1...2)
            let names = ["todouble": "double", "tosingle": "single", "todecimal": "decimal", "tochar": "char", "todatetime": "datetime"]
            guard let type = PSTypeInfo.resolve(name: names[lower] ?? "double") else { return nil }
            return try call.wrapping { try LanguagePrimitives.convert(args[0], to: type, context: nil) }
        default:
            return nil
        }
    }

    // MARK: [environment]

    static func environmentMethod(_ call: MethodCall) throws -> PSValue? {
        switch call.name.lowercased() {
        case "getenvironmentvariable":
            try call.count(1...2)
            return EnvironmentVariable.value(call.string(0)).map { .string($0) } ?? .null
        case "setenvironmentvariable":
            try call.count(2...3)
            let name = call.string(0)
            if call.arguments[1].isNull || call.string(1).isEmpty { unsetenv(name) } else { setenv(name, call.string(1), 1) }
            return .null
        case "getenvironmentvariables":
            let h = PSHashtable()
            for (k, v) in ProcessInfo.processInfo.environment.sorted(by: { $0.key < $1.key }) { h[string: k] = .string(v) }
            return .object(h)
        case "getcommandlineargs":
            return .object(PSArray(ProcessInfo.processInfo.arguments.map { .string($0) }, elementTypeName: "System.String"))
        case "expandenvironmentvariables":
            try call.count(1...1)
            var text = call.string(0)
            for (k, v) in ProcessInfo.processInfo.environment { text = text.replacingOccurrences(of: "%\(k)%", with: v) }
            return .string(text)
        case "getfolderpath":
            try call.count(1...2)
            let home = NSHomeDirectory()
            switch call.string(0).lowercased() {
            case "userprofile", "personal", "mydocuments": return .string(home)
            case "desktop", "desktopdirectory": return .string(home + "/Desktop")
            case "applicationdata": return .string(EnvironmentVariable.value("XDG_CONFIG_HOME") ?? home + "/.config")
            case "localapplicationdata": return .string(EnvironmentVariable.value("XDG_DATA_HOME") ?? home + "/.local/share")
            case "temp": return .string(NSTemporaryDirectory())
            default: return .string("")
            }
        default: return nil
        }
    }

    // MARK: [io.path], [io.file], [io.directory]

    static func pathMethod(_ call: MethodCall) throws -> PSValue? {
        let args = call.arguments
        func parts() -> [String] {
            (args.count == 1 ? (args[0].enumerated ?? [args[0]]) : args).map { LanguagePrimitives.toString($0, context: nil) }
        }
        let path = call.string(0)
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        func extensionStart(_ file: String) -> String.Index? { file.lastIndex(of: ".") }
        switch call.name.lowercased() {
        case "combine":
            var result = ""
            for p in parts() where !p.isEmpty {
                if p.hasPrefix("/") || result.isEmpty { result = p } else { result += (result.hasSuffix("/") ? "" : "/") + p }
            }
            return .string(result)
        case "join":
            var result = ""
            for p in parts() where !p.isEmpty {
                if result.isEmpty { result = p } else if result.hasSuffix("/") || p.hasPrefix("/") { result += p } else { result += "/" + p }
            }
            return .string(result)
        case "getfilename":
            try call.count(1...1)
            return args[0].isNull ? .null : .string(name)
        case "getextension":
            try call.count(1...1)
            guard let dot = name.lastIndex(of: "."), dot != name.index(before: name.endIndex) else { return .string("") }
            return .string(String(name[dot...]))
        case "getfilenamewithoutextension":
            try call.count(1...1)
            guard let dot = extensionStart(name) else { return .string(name) }
            return .string(String(name[..<dot]))
        case "getdirectoryname":
            try call.count(1...1)
            if path.isEmpty || path == "/" { return .null }
            guard let slash = path.lastIndex(of: "/") else { return .string("") }
            let dir = String(path[..<slash])
            return .string(dir.isEmpty ? "/" : dir)
        case "changeextension":
            try call.count(2...2)
            var base = path
            if let dot = name.lastIndex(of: ".") { base = String(path.dropLast(name.distance(from: dot, to: name.endIndex))) }
            if args[1].isNull { return .string(base) }
            let ext = call.string(1)
            return .string(base + (ext.hasPrefix(".") || ext.isEmpty ? ext : "." + ext))
        case "hasextension":
            try call.count(1...1)
            guard let dot = name.lastIndex(of: ".") else { return .bool(false) }
            return .bool(dot != name.index(before: name.endIndex))
        case "ispathrooted", "ispathfullyqualified":
            try call.count(1...1)
            return .bool(path.hasPrefix("/"))
        case "getpathroot":
            try call.count(1...1)
            return .string(path.hasPrefix("/") ? "/" : "")
        case "getfullpath":
            try call.count(1...2)
            return .string(call.context.resolvePath(path))
        case "gettemppath":
            var tmp = EnvironmentVariable.value("TMPDIR") ?? "/tmp/"
            if !tmp.hasSuffix("/") { tmp += "/" }
            return .string(tmp)
        case "getrandomfilename":
            let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
            let name = String((0..<8).map { _ in letters.randomElement()! }) + "." + String((0..<3).map { _ in letters.randomElement()! })
            return .string(name)
        case "gettempfilename":
            let file = NSTemporaryDirectory() + "tmp" + String(UInt32.random(in: 0...0xFFFFFF), radix: 16) + ".tmp"
            try call.context.authorizeFile(file, .writes, commandName: "[System.IO.Path]::GetTempFileName")
            _ = FileManager.default.createFile(atPath: file, contents: Data())
            return .string(file)
        case "getinvalidfilenamechars":
            return .object(PSArray([.char(0), .char(0x2F)], elementTypeName: "System.Char"))
        case "getinvalidpathchars":
            return .object(PSArray([.char(0)], elementTypeName: "System.Char"))
        case "getrelativepath":
            try call.count(2...2)
            let from = call.context.resolvePath(call.string(0)).split(separator: "/"), to = call.context.resolvePath(call.string(1)).split(separator: "/")
            var common = 0
            while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
            let ups = Array(repeating: "..", count: from.count - common)
            let rest = to[common...].map(String.init)
            let joined = (ups + rest).joined(separator: "/")
            return .string(joined.isEmpty ? "." : joined)
        default: return nil
        }
    }

    static let fileSystemWriters: Set<String> = ["writealltext", "appendalltext", "writealllines", "appendalllines", "delete",
                                                  "createdirectory", "writeallbytes"]

    static func fileSystemMethod(_ kind: PSTypeInfo.Kind, _ call: MethodCall) throws -> PSValue? {
        let fm = FileManager.default
        let path = call.context.resolvePath(call.string(0))
        func read() throws -> String {
            guard let data = fm.contents(atPath: path) else {
                throw call.failure("System.IO.FileNotFoundException", "Could not find file '\(path)'.")
            }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            return text
        }
        func write(_ text: String, append: Bool) throws {
            if append, let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(Data(text.utf8))
                handle.closeFile()
                return
            }
            guard fm.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw call.failure("System.IO.DirectoryNotFoundException", "Could not find a part of the path '\(path)'.")
            }
        }
        // Every file member meets the same check as the cmdlets: writers as writes, the rest
        // (Exists, ReadAllText, GetFiles…) as reads.
        let use: FileUse = call.name.lowercased() == "delete" ? .deletes : Self.fileSystemWriters.contains(call.name.lowercased()) ? .writes : .reads
        try call.context.authorizeFile(path, use,
                                       commandName: "[System.IO.\(kind == .file ? "File" : "Directory")]::\(call.name)")
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
        switch (kind, call.name.lowercased()) {
        case (.file, "exists"): return .bool(exists && !isDirectory.boolValue)
        case (.directory, "exists"): return .bool(exists && isDirectory.boolValue)
        case (.file, "readalltext"): return .string(try read())
        case (.file, "readalllines"):
            var lines = try read().components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            if lines.last == "" { lines.removeLast() }
            return .object(PSArray(lines.map { .string($0) }, elementTypeName: "System.String"))
        case (.file, "readallbytes"):
            guard let data = fm.contents(atPath: path) else { throw call.failure("System.IO.FileNotFoundException", "Could not find file '\(path)'.") }
            return .object(PSArray(data.map { .byte($0) }, elementTypeName: "System.Byte"))
        case (.file, "writeallbytes"):
            try call.count(2...2)
            let bytes = try (call.arguments[1].enumerated ?? [call.arguments[1]]).map { value -> UInt8 in
                let number = try LanguagePrimitives.toInt64(value)
                guard (0...255).contains(number) else {
                    throw call.failure("System.Management.Automation.PSInvalidCastException", "Cannot convert value \"\(number)\" to type \"System.Byte\".")
                }
                return UInt8(number)
            }
            guard fm.createFile(atPath: path, contents: Data(bytes)) else {
                throw call.failure("System.IO.DirectoryNotFoundException", "Could not find a part of the path '\(path)'.")
            }
            return .null
        case (.file, "writealltext"), (.file, "appendalltext"):
            try call.count(2...3)
            try write(call.string(1), append: call.name.lowercased() == "appendalltext")
            return .null
        case (.file, "writealllines"), (.file, "appendalllines"):
            try call.count(2...3)
            let lines = (call.arguments[1].enumerated ?? [call.arguments[1]]).map { LanguagePrimitives.toString($0, context: nil) + "\n" }
            try write(lines.joined(), append: call.name.lowercased() == "appendalllines")
            return .null
        case (.file, "delete"):
            if exists { try? fm.removeItem(atPath: path) }
            return .null
        case (.directory, "createdirectory"):
            do { try fm.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw call.failure("System.IO.IOException", "Could not create the directory '\(path)'.")
            }
            return .null
        case (.directory, "getcurrentdirectory"):
            return .string(call.context.location)
        case (.directory, "getfiles"), (.directory, "getdirectories"), (.directory, "getfilesystementries"):
            guard exists, isDirectory.boolValue else {
                throw call.failure("System.IO.DirectoryNotFoundException", "Could not find a part of the path '\(path)'.")
            }
            let pattern = WildcardPattern(call.count > 1 ? call.string(1) : "*", ignoreCase: false)
            let wantFiles = call.name.lowercased() != "getdirectories", wantDirs = call.name.lowercased() != "getfiles"
            let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted()
            var out: [PSValue] = []
            for n in names where pattern.matches(n) {
                var dir: ObjCBool = false
                _ = fm.fileExists(atPath: path + "/" + n, isDirectory: &dir)
                if dir.boolValue ? wantDirs : wantFiles { out.append(.string(path == "/" ? "/" + n : path + "/" + n)) }
            }
            return .object(PSArray(out, elementTypeName: "System.String"))
        case (.directory, "delete"):
            do { try fm.removeItem(atPath: path) } catch {
                throw call.failure("System.IO.IOException", "The directory is not empty or could not be removed: '\(path)'.")
            }
            return .null
        default: return nil
        }
    }

    // MARK: [regex]

    static func regexStaticMethod(_ call: MethodCall) throws -> PSValue? {
        let lower = call.name.lowercased()
        switch lower {
        case "escape":
            try call.count(1...1)
            return .string(regexEscape(call.string(0)))
        case "unescape":
            try call.count(1...1)
            return .string(regexUnescape(call.string(0)))
        case "match", "matches", "ismatch", "split":
            try call.count(2...3)
            let r = try makeRegex(call.string(1), options: call.count > 2 ? call.arguments[2] : nil, context: call.context)
            return try regexInstanceMethod(r, MethodCall(target: .object(r), name: call.name, arguments: [call.arguments[0]], context: call.context))
        case "replace":
            try call.count(3...4)
            let r = try makeRegex(call.string(1), options: call.count > 3 ? call.arguments[3] : nil, context: call.context)
            return try regexInstanceMethod(r, MethodCall(target: .object(r), name: "Replace", arguments: [call.arguments[0], call.arguments[2]], context: call.context))
        default: return nil
        }
    }

    static func regexInstanceMethod(_ r: RegexValue, _ call: MethodCall) throws -> PSValue? {
        let text = call.string(0) as NSString
        let names = RegexSupport.groupNames(r.pattern)
        let start = call.count > 1 && call.name.lowercased() != "replace" ? try call.int(1) : 0
        guard start >= 0, start <= text.length else {
            throw call.failure("System.ArgumentOutOfRangeException", "Specified argument was out of the range of valid values. (Parameter 'startat')")
        }
        let range = NSRange(location: start, length: text.length - start)
        switch call.name.lowercased() {
        case "match":
            try call.count(1...2)
            guard let m = r.regex.firstMatch(in: text as String, range: range) else { return .object(RegexSupport.failedMatch()) }
            return .object(RegexSupport.matchValue(m, in: text, names: names))
        case "matches":
            try call.count(1...2)
            return .object(PSArray(r.regex.matches(in: text as String, range: range).map { .object(RegexSupport.matchValue($0, in: text, names: names)) }))
        case "ismatch":
            try call.count(1...2)
            return .bool(r.regex.firstMatch(in: text as String, range: range) != nil)
        case "replace":
            try call.count(2...3)
            let limit = call.count > 2 ? try call.int(2) : -1
            var out = ""
            var last = 0
            for (i, m) in r.regex.matches(in: text as String, range: NSRange(location: 0, length: text.length)).enumerated() {
                if limit >= 0 && i >= limit { break }
                out += text.substring(with: NSRange(location: last, length: m.range.location - last))
                let match = RegexSupport.matchValue(m, in: text, names: names)
                if let block = call.arguments[1].baseValue.asScriptBlock {
                    let produced = try ScriptBlockCalls.invoke(block, dollarUnder: .object(match), arguments: [.object(match)], context: call.context)
                    out += produced.map { LanguagePrimitives.toString($0, context: call.context) }.joined()
                } else {
                    out += RegexSupport.expand(call.string(1), match, input: text)
                }
                last = m.range.location + m.range.length
            }
            out += text.substring(from: last)
            return .string(out)
        case "split":
            try call.count(1...2)
            var out: [PSValue] = []
            var last = 0
            for m in r.regex.matches(in: text as String, range: NSRange(location: 0, length: text.length)) {
                out.append(.string(text.substring(with: NSRange(location: last, length: m.range.location - last))))
                for g in stride(from: 1, to: m.numberOfRanges, by: 1) where m.range(at: g).location != NSNotFound {
                    out.append(.string(text.substring(with: m.range(at: g))))
                }
                last = m.range.location + m.range.length
            }
            out.append(.string(text.substring(from: last)))
            return .object(PSArray(out, elementTypeName: "System.String"))
        case "getgroupnames":
            var result = ["0"]
            var unnamed = 0
            for n in names where n == nil { unnamed += 1; result.append(String(unnamed)) }
            result += names.compactMap { $0 }
            return .object(PSArray(result.map { .string($0) }, elementTypeName: "System.String"))
        case "tostring":
            return .string(r.pattern)
        default: return nil
        }
    }

    /// .NET's `Regex.Escape`: metacharacters and whitespace get a backslash.
    static func regexEscape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "*", "+", "?", "|", "{", "[", "(", ")", "^", "$", ".", "#", " ": out += "\\" + String(c)
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{0C}": out += "\\f"
            default: out.append(c)
            }
        }
        return out
    }

    static func regexUnescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for c in s {
            if escaped {
                switch c {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                case "f": out += "\u{0C}"
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }
}
