# The .NET members admin scripts call, as pwsh 7 answers them.
$port = 0
if ([int]::TryParse('8080', [ref]$port)) { "port $port" }
"not a number: $([int]::TryParse('80a', [ref]$port)) $port"
$when = $null; [void][datetime]::TryParse('2024-02-29', [ref]$when); $when.DayOfWeek
$ver = $null; "version: $([version]::TryParse('7.4.1', [ref]$ver)) $($ver.Minor)"
$ip = $null; "ip: $([ipaddress]::TryParse('10.20.30.40', [ref]$ip)) $ip $($ip.AddressFamily)"
"v6: $([ipaddress]'fe80:0:0:0:0:0:0:1') $(([ipaddress]'::1').AddressFamily)"
$counter = 1; $ref = [ref]$counter; $ref.Value += 41; "counter $counter"
$sw = [System.Diagnostics.Stopwatch]::StartNew(); Start-Sleep -Milliseconds 20; $sw.Stop()
"stopwatch: $($sw.IsRunning) $($sw.ElapsedMilliseconds -ge 15) $($sw.Elapsed.TotalMilliseconds -ge 15)"
$accented = 'Cafe' + [char]0x301
"normalize: $($accented.Length) $($accented.Normalize([Text.NormalizationForm]::FormC).Length) $($accented.Normalize([Text.NormalizationForm]::FormC).IsNormalized())"
"chars: $(([char[]]'pcsh') -join '.') $(('abc' -as [char[]]).Count)"
$o = [pscustomobject]@{ Name = 'srv01'; Role = 'Edge' }
$o.PSObject.Properties['Role'].Value
$o.PSObject.Properties.Add([psnoteproperty]::new('Site', 'Lab'))
$o.PSObject.Properties.Remove('Role')
($o.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join '; '
function Deploy-Thing { [CmdletBinding()] param([Parameter(Mandatory)][Alias('CN')][string[]]$ComputerName, [switch]$Force) }
$params = (Get-Command Deploy-Thing).Parameters
"$($params['ComputerName'].ParameterType) $($params['ComputerName'].Aliases) $($params.Force.SwitchParameter) $($params.ContainsKey('Verbose'))"
$secure = ConvertTo-SecureString 'Secr3t!' -AsPlainText -Force
$cred = [pscredential]::new('LAB\admin', $secure)
"$($cred.UserName) $($cred.Password) $($cred.GetNetworkCredential().Password)"
"newline: $([Environment]::NewLine.Length) os: $([Environment]::OSVersion.Platform)"
[IO.File]::WriteAllText((Join-Path $PWD 'u.txt'), 'x', [Text.Encoding]::UTF8); "bom: $((Get-Item u.txt).Length)"
[IO.File]::Copy((Join-Path $PWD 'u.txt'), (Join-Path $PWD 'v.txt')); "copied: $([IO.File]::Exists((Join-Path $PWD 'v.txt')))"
"ext: $([IO.Path]::ChangeExtension('report.csv', '.bak'))"
# CHECK: port 8080
# CHECK: not a number: False 0
# CHECK: Thursday
# CHECK: version: True 4
# CHECK: ip: True 10.20.30.40 InterNetwork
# CHECK: v6: fe80::1 InterNetworkV6
# CHECK: counter 42
# CHECK: stopwatch: False True True
# CHECK: normalize: 5 4 True
# CHECK: chars: p.c.s.h 3
# CHECK: Edge
# CHECK: Name=srv01; Site=Lab
# CHECK: string[] CN True True
# CHECK: LAB\admin System.Security.SecureString Secr3t!
# CHECK: newline: 1 os: Unix
# CHECK: bom: 4
# CHECK: copied: True
# CHECK: ext: report.bak
