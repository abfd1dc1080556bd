/// A dynamic object whose properties can be assigned (`$ref.Value = 5`).
public protocol PSSettableObject: PSDynamicObject {
    /// Sets the property; false when the object has no such settable property.
    func setDynamicProperty(_ name: String, _ value: PSValue, context: ExecutionContext) throws -> Bool
}

/// A dynamic object that can be indexed (`$o.PSObject.Properties['Name']`).
public protocol PSIndexableObject: PSDynamicObject {
    func dynamicIndex(_ index: PSValue, context: ExecutionContext) throws -> PSValue
}
