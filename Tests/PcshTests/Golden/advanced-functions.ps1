# [CmdletBinding()] functions: [Parameter()] attributes, validation, pipeline input, begin/process/end.
function Get-Thing {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)]
        [string]$Name,

        [Parameter(Position = 1)]
        [ValidateRange(1, 10)]
        [int]$Count = 1,

        [ValidateSet('Red', 'Green')]
        [string]$Color = 'Red'
    )
    "$Name x$Count ($Color)"
}
Get-Thing widget
Get-Thing gadget 3 -Color green
Get-Thing -Count 2 -Name named
try { Get-Thing a 11 } catch { $_.FullyQualifiedErrorId }
try { Get-Thing a 11 } catch { $_.Exception.Message }
try { Get-Thing a -Color Blue } catch { $_.FullyQualifiedErrorId }
try { Get-Thing a -Bogus 1 } catch { $_.FullyQualifiedErrorId }
try { Get-Thing a 2 c } catch { $_.FullyQualifiedErrorId }
try { Get-Thing } catch { $_.FullyQualifiedErrorId }

function Measure-Text {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)][string]$Text)
    begin { $total = 0; 'begin' }
    process { $total += $Text.Length; "process $Text" }
    end { "end total=$total" }
}
'ab', 'cde' | Measure-Text
Measure-Text -Text 'direct'

function Show-Person {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipelineByPropertyName)][string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)][Alias('Years')][int]$Age
    )
    process { "$Name is $Age" }
}
[pscustomobject]@{ Name = 'Ada'; Age = 36 }, [pscustomobject]@{ Name = 'Bob'; Years = 25 } | Show-Person

function Show-Bound {
    [CmdletBinding()]
    param([string]$A, [int]$B, [switch]$C)
    ($PSBoundParameters.Keys | Sort-Object) -join ','
    $PSBoundParameters.ContainsKey('C')
}
Show-Bound -B 2 -A x
Show-Bound -C

function Test-Validation {
    [CmdletBinding()]
    param(
        [ValidateNotNullOrEmpty()][string]$Text = 'default',
        [ValidatePattern('^\d+$')][string]$Digits = '0',
        [ValidateLength(2, 4)][string]$Short = 'ok',
        [ValidateScript({ $_ % 2 -eq 0 })][int]$Even = 2,
        [ValidateCount(1, 2)][string[]]$Few = @('x')
    )
    "valid: $Text $Digits $Short $Even $($Few.Count)"
}
Test-Validation -Text t -Digits 123 -Short abc -Even 4 -Few a, b
foreach ($bad in @{ Text = '' }, @{ Digits = 'x1' }, @{ Short = 'toolong' }, @{ Even = 3 }, @{ Few = 'a', 'b', 'c' }) {
    try { Test-Validation @bad } catch { "$($bad.Keys): $($_.FullyQualifiedErrorId)" }
}

function Test-Common {
    [CmdletBinding()]
    param()
    Write-Verbose 'verbose text'
    "verbose preference: $VerbosePreference"
    $PSCmdlet.MyInvocation.MyCommand.Name
}
Test-Common
# CHECK: widget x1 (Red)
# CHECK: gadget x3 (green)
# CHECK: named x2 (Red)
# CHECK: ParameterArgumentValidationError,Get-Thing
# CHECK: Cannot validate argument on parameter 'Count'. {{.+}}
# CHECK: ParameterArgumentValidationError,Get-Thing
# CHECK: NamedParameterNotFound,Get-Thing
# CHECK: PositionalParameterNotFound,Get-Thing
# CHECK: MissingMandatoryParameter,Get-Thing
# CHECK: begin
# CHECK: process ab
# CHECK: process cde
# CHECK: end total=5
# CHECK: begin
# CHECK: process direct
# CHECK: end total=6
# CHECK: Ada is 36
# CHECK: Bob is 25
# CHECK: A,B
# CHECK: False
# CHECK: C
# CHECK: True
# CHECK: valid: t 123 abc 4 2
# CHECK: Text: ParameterArgumentValidationError,Test-Validation
# CHECK: Digits: ParameterArgumentValidationError,Test-Validation
# CHECK: Short: ParameterArgumentValidationError,Test-Validation
# CHECK: Even: ParameterArgumentValidationError,Test-Validation
# CHECK: Few: ParameterArgumentValidationError,Test-Validation
# CHECK: verbose preference: SilentlyContinue
# CHECK: Test-Common
