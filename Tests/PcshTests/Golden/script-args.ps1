# A script's param block binds the arguments given after -File; the rest land in $args.
# ARGS: -Name Ada -Count 2 extra1 extra2
param([string]$Name = 'nobody', [int]$Count = 1)
"Name=$Name Count=$Count"
"Count type: $($Count.GetType().Name)"
"args: $($args.Count) [$($args -join ',')]"
"script: $(Split-Path -Leaf $PSCommandPath)"
"invocation: $($MyInvocation.MyCommand.Name)"
"bound: $(($PSBoundParameters.Keys | Sort-Object) -join ',')"
# CHECK: Name=Ada Count=2
# CHECK: Count type: Int32
# CHECK: args: 2 [extra1,extra2]
# CHECK: script: script-args.ps1
# CHECK: invocation: script-args.ps1
# CHECK: bound: Count,Name
