import PSLanguage

// Foundation also declares `Expression`; inside the runtime the name means the syntax tree's.
typealias Expression = PSLanguage.Expression
