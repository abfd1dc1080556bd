import PSRuntime

/// The members Get-Member lists for the types pcsh models natively. Properties come from the
/// runtime (`Members.propertyNames(of:)`); methods come from this table, because the runtime
/// dispatches methods by name and keeps no public list of them. Definitions are written in the
/// short-type-name style of PowerShell 7 (`string ToUpper()`).
public enum MemberCatalog {
    public struct Entry: Sendable {
        public var name: String
        public var memberType: String
        public var definition: String
    }

    /// Methods every object has.
    static let objectMethods: [Entry] = [
        method("Equals", "bool Equals(System.Object obj)"),
        method("GetHashCode", "int GetHashCode()"),
        method("GetType", "type GetType()"),
        method("ToString", "string ToString()"),
    ]

    static let stringMembers: [Entry] = [
        method("Clone", "System.Object Clone()"),
        method("CompareTo", "int CompareTo(System.Object value), int CompareTo(string strB)"),
        method("Contains", "bool Contains(string value), bool Contains(char value), bool Contains(string value, System.StringComparison comparisonType)"),
        method("EndsWith", "bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType), bool EndsWith(char value)"),
        method("Equals", "bool Equals(System.Object obj), bool Equals(string value), bool Equals(string value, System.StringComparison comparisonType)"),
        method("GetEnumerator", "System.CharEnumerator GetEnumerator()"),
        method("GetHashCode", "int GetHashCode()"),
        method("GetType", "type GetType()"),
        method("IndexOf", "int IndexOf(char value), int IndexOf(char value, int startIndex), int IndexOf(string value), int IndexOf(string value, int startIndex), int IndexOf(string value, System.StringComparison comparisonType)"),
        method("IndexOfAny", "int IndexOfAny(char[] anyOf), int IndexOfAny(char[] anyOf, int startIndex)"),
        method("Insert", "string Insert(int startIndex, string value)"),
        method("IsNormalized", "bool IsNormalized()"),
        method("LastIndexOf", "int LastIndexOf(char value), int LastIndexOf(string value), int LastIndexOf(string value, int startIndex)"),
        method("Normalize", "string Normalize()"),
        method("PadLeft", "string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)"),
        method("PadRight", "string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)"),
        method("Remove", "string Remove(int startIndex, int count), string Remove(int startIndex)"),
        method("Replace", "string Replace(string oldValue, string newValue), string Replace(char oldChar, char newChar)"),
        method("Split", "string[] Split(char separator, System.StringSplitOptions options), string[] Split(char[] separator), string[] Split(string separator, System.StringSplitOptions options)"),
        method("StartsWith", "bool StartsWith(string value), bool StartsWith(string value, System.StringComparison comparisonType), bool StartsWith(char value)"),
        method("Substring", "string Substring(int startIndex), string Substring(int startIndex, int length)"),
        method("ToCharArray", "char[] ToCharArray(), char[] ToCharArray(int startIndex, int length)"),
        method("ToLower", "string ToLower()"),
        method("ToLowerInvariant", "string ToLowerInvariant()"),
        method("ToString", "string ToString()"),
        method("ToUpper", "string ToUpper()"),
        method("ToUpperInvariant", "string ToUpperInvariant()"),
        method("Trim", "string Trim(), string Trim(char trimChar), string Trim(char[] trimChars)"),
        method("TrimEnd", "string TrimEnd(), string TrimEnd(char trimChar), string TrimEnd(char[] trimChars)"),
        method("TrimStart", "string TrimStart(), string TrimStart(char trimChar), string TrimStart(char[] trimChars)"),
        Entry(name: "Chars", memberType: "ParameterizedProperty", definition: "char Chars(int index) {get;}"),
    ]

    static let arrayMethods: [Entry] = [
        method("Clone", "System.Object Clone()"),
        method("Contains", "bool IList.Contains(System.Object value)"),
        method("CopyTo", "void CopyTo(array array, int index)"),
        method("ForEach", "System.Collections.ObjectModel.Collection[psobject] ForEach(scriptblock expression, Params System.Object[] arguments)"),
        method("Get", "System.Object Get(int )"),
        method("GetEnumerator", "System.Collections.IEnumerator GetEnumerator()"),
        method("GetValue", "System.Object GetValue(int index)"),
        method("IndexOf", "int IList.IndexOf(System.Object value)"),
        method("SetValue", "void SetValue(System.Object value, int index)"),
        method("Where", "System.Collections.ObjectModel.Collection[psobject] Where(scriptblock expression, System.Management.Automation.WhereOperatorSelectionMode mode, int numberToReturn)"),
    ] + objectMethods

    static let listMethods: [Entry] = [
        method("Add", "void Add(System.Object item)"),
        method("AddRange", "void AddRange(System.Collections.Generic.IEnumerable[System.Object] collection)"),
        method("Clear", "void Clear()"),
        method("Contains", "bool Contains(System.Object item)"),
        method("IndexOf", "int IndexOf(System.Object item)"),
        method("Insert", "void Insert(int index, System.Object item)"),
        method("Remove", "bool Remove(System.Object item)"),
        method("RemoveAt", "void RemoveAt(int index)"),
        method("Reverse", "void Reverse()"),
        method("Sort", "void Sort()"),
        method("ToArray", "System.Object[] ToArray()"),
    ] + objectMethods

    static let hashtableMethods: [Entry] = [
        method("Add", "void Add(System.Object key, System.Object value)"),
        method("Clear", "void Clear()"),
        method("Clone", "System.Object Clone()"),
        method("Contains", "bool Contains(System.Object key)"),
        method("ContainsKey", "bool ContainsKey(System.Object key)"),
        method("ContainsValue", "bool ContainsValue(System.Object value)"),
        method("CopyTo", "void CopyTo(array array, int arrayIndex)"),
        method("GetEnumerator", "System.Collections.IDictionaryEnumerator GetEnumerator()"),
        method("Remove", "void Remove(System.Object key)"),
        Entry(name: "Item", memberType: "ParameterizedProperty", definition: "System.Object Item(System.Object key) {get;set;}"),
    ] + objectMethods

    static let dateMethods: [Entry] = [
        method("Add", "datetime Add(timespan value)"),
        method("AddDays", "datetime AddDays(double value)"),
        method("AddHours", "datetime AddHours(double value)"),
        method("AddMilliseconds", "datetime AddMilliseconds(double value)"),
        method("AddMinutes", "datetime AddMinutes(double value)"),
        method("AddMonths", "datetime AddMonths(int months)"),
        method("AddSeconds", "datetime AddSeconds(double value)"),
        method("AddTicks", "datetime AddTicks(long value)"),
        method("AddYears", "datetime AddYears(int value)"),
        method("CompareTo", "int CompareTo(System.Object value), int CompareTo(datetime value)"),
        method("IsDaylightSavingTime", "bool IsDaylightSavingTime()"),
        method("Subtract", "timespan Subtract(datetime value), datetime Subtract(timespan value)"),
        method("ToFileTime", "long ToFileTime()"),
        method("ToLocalTime", "datetime ToLocalTime()"),
        method("ToLongDateString", "string ToLongDateString()"),
        method("ToLongTimeString", "string ToLongTimeString()"),
        method("ToShortDateString", "string ToShortDateString()"),
        method("ToShortTimeString", "string ToShortTimeString()"),
        method("ToString", "string ToString(), string ToString(string format)"),
        method("ToUniversalTime", "datetime ToUniversalTime()"),
    ] + objectMethods.filter { $0.name != "ToString" }

    /// Static members shown by `Get-Member -Static`, for the types that have a table.
    static func staticMembers(of typeName: String) -> [Entry] {
        switch typeName.lowercased() {
        case "system.string":
            return [
                method("Compare", "static int Compare(string strA, string strB), static int Compare(string strA, string strB, bool ignoreCase)"),
                method("Concat", "static string Concat(Params string[] values)"),
                method("Equals", "static bool Equals(string a, string b)"),
                method("Format", "static string Format(string format, Params System.Object[] args)"),
                method("IsNullOrEmpty", "static bool IsNullOrEmpty(string value)"),
                method("IsNullOrWhiteSpace", "static bool IsNullOrWhiteSpace(string value)"),
                method("Join", "static string Join(string separator, Params string[] value)"),
                Entry(name: "Empty", memberType: "Property", definition: "static string Empty {get;}"),
            ]
        case "system.datetime":
            return [
                method("DaysInMonth", "static int DaysInMonth(int year, int month)"),
                method("IsLeapYear", "static bool IsLeapYear(int year)"),
                method("Parse", "static datetime Parse(string s)"),
                method("ParseExact", "static datetime ParseExact(string s, string format, System.IFormatProvider provider)"),
                Entry(name: "MaxValue", memberType: "Property", definition: "static datetime MaxValue {get;}"),
                Entry(name: "MinValue", memberType: "Property", definition: "static datetime MinValue {get;}"),
                Entry(name: "Now", memberType: "Property", definition: "datetime Now {get;}"),
                Entry(name: "Today", memberType: "Property", definition: "datetime Today {get;}"),
                Entry(name: "UtcNow", memberType: "Property", definition: "datetime UtcNow {get;}"),
            ]
        default:
            return [method("Equals", "static bool Equals(System.Object objA, System.Object objB)"),
                    method("ReferenceEquals", "static bool ReferenceEquals(System.Object objA, System.Object objB)")]
        }
    }

    /// Members added to every object when `-Force` asks for the hidden ones.
    static let hiddenMembers: [Entry] = [
        Entry(name: "pstypenames", memberType: "CodeProperty", definition: "System.Collections.ObjectModel.Collection`1[[System.String]] pstypenames{get=PSTypeNames;}"),
        Entry(name: "psadapted", memberType: "MemberSet", definition: "psadapted {…}"),
        Entry(name: "psbase", memberType: "MemberSet", definition: "psbase {…}"),
        Entry(name: "psextended", memberType: "MemberSet", definition: "psextended {…}"),
        Entry(name: "psobject", memberType: "MemberSet", definition: "psobject {…}"),
    ]

    /// The short names PowerShell 7 prints in member definitions (`int`, `string`, `datetime`).
    static func shortTypeName(_ fullName: String) -> String {
        let table = ["system.int32": "int", "system.int64": "long", "system.string": "string", "system.boolean": "bool",
                     "system.double": "double", "system.decimal": "decimal", "system.single": "float",
                     "system.byte": "byte", "system.char": "char", "system.datetime": "datetime",
                     "system.timespan": "timespan", "system.collections.hashtable": "hashtable",
                     "system.management.automation.scriptblock": "scriptblock", "system.object[]": "Object[]",
                     "system.int16": "short", "system.uint32": "uint32", "system.uint64": "uint64",
                     "system.management.automation.switchparameter": "switch", "system.xml.xmldocument": "xml"]
        return table[fullName.lowercased()] ?? fullName
    }

    private static func method(_ name: String, _ definition: String) -> Entry {
        Entry(name: name, memberType: "Method", definition: definition)
    }
}

// MARK: - Members of a value

extension MemberCatalog {
    /// The instance members of a value, as Get-Member lists them (and tab completion offers them).
    public static func members(of value: PSValue, context: ExecutionContext) -> [Entry] {
        switch value {
        case .string:
            return [Entry(name: "Length", memberType: "Property", definition: "int Length {get;}")]
                + stringMembers
        case .dateTime:
            return properties(of: value, context, settable: false).map { entry in
                var e = entry
                if e.name.equalsIgnoringCase("DisplayHint") {
                    e.memberType = "NoteProperty"
                    e.definition = "DisplayHintType DisplayHint=DateTime"
                }
                return e
            } + dateMethods
        case .object(let object):
            if let pso = object as? PSObject { return psObjectMembers(pso, value, context) }
            if object is PSHashtable {
                // Keys and Values are ICollection views in .NET, not arrays.
                let adapted = properties(of: value, context, settable: false).map { entry in
                    var e = entry
                    if ["keys", "values"].contains(e.name.lowercased()) { e.definition = "System.Collections.ICollection \(e.name) {get;}" }
                    return e
                }
                return adapted + hashtableMethods
            }
            if let array = object as? PSArray {
                return properties(of: value, context, settable: array.isList)
                    + (array.isList ? listMethods : arrayMethods)
            }
            return properties(of: value, context, settable: false) + objectMethods
        case .int, .long, .double:
            return [Entry(name: "CompareTo", memberType: "Method", definition: "int CompareTo(System.Object value)")]
                + objectMethods
        default:
            return objectMethods
        }
    }

    private static func psObjectMembers(_ pso: PSObject, _ value: PSValue, _ context: ExecutionContext) -> [Entry] {
        if let definition = pso.scriptClass {
            let members = definition.visibleInstanceMembers.map {
                Entry(name: $0.name, memberType: $0.isMethod ? "Method" : "Property", definition: $0.definition)
            }
            return members + objectMethods.filter { entry in !members.contains { $0.name.equalsIgnoringCase(entry.name) } }
        }
        var entries: [Entry] = pso.properties.map { property in
            if let getter = property.getter {
                return Entry(name: property.name, memberType: "ScriptProperty",
                                 definition: "System.Object \(property.name) {get=\(getter.text.helpTrimmed);}")
            }
            let type = property.value.isNull ? "object" : shortTypeName(LanguagePrimitives.typeName(of: property.value))
            let text = property.value.isNull ? "null" : LanguagePrimitives.toString(property.value, context: context)
            return Entry(name: property.name, memberType: "NoteProperty", definition: "\(type) \(property.name)=\(text)")
        }
        for key in pso.scriptMethods.keys {
            entries.append(Entry(name: key.string, memberType: "ScriptMethod",
                                 definition: "System.Object \(key.string)();"))
        }
        if let base = pso.baseObject {
            let inherited = members(of: base, context: context).filter { entry in !entries.contains { $0.name.equalsIgnoringCase(entry.name) } }
            return entries + inherited
        }
        return entries + objectMethods
    }

    private static func properties(of value: PSValue, _ context: ExecutionContext, settable: Bool) -> [Entry] {
        Members.propertyNames(of: value).map { property in
            let member = (try? Members.getMember(value, property, context: context)) ?? .null
            let type = member.isNull ? "System.Object" : shortTypeName(LanguagePrimitives.typeName(of: member))
            return Entry(name: property, memberType: "Property",
                                       definition: "\(type) \(property) {get;\(settable ? "set;" : "")}")
        }
    }
}
