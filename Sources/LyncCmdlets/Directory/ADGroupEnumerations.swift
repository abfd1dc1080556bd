import PSRuntime

/// `Microsoft.ActiveDirectory.Management.ADGroupScope`.
enum ADGroupScope: String, ParameterEnum {
    case DomainLocal, Global, Universal
}

/// `Microsoft.ActiveDirectory.Management.ADGroupCategory`.
enum ADGroupCategory: String, ParameterEnum {
    case Distribution, Security
}
