# try/catch/finally: typed catches, the error record in $_, rethrow and finally on every exit path.
try { throw 'boom' } catch { "caught: $_" } finally { 'finally ran' }
try { throw 'boom' } catch { $_.FullyQualifiedErrorId }
try { throw 'boom' } catch { $_.Exception.GetType().Name }
try { throw 'boom' } catch { $_.CategoryInfo.Category }
try { throw 'boom' } catch { $_.GetType().Name }
try {
    throw [System.ArgumentException]::new('bad argument')
} catch [System.IO.IOException] {
    'io'
} catch [System.ArgumentException] {
    "argument: $($_.Exception.Message)"
} catch {
    'general'
}
try { throw [System.IO.FileNotFoundException]::new('gone') } catch [System.IO.IOException] { "base class caught: $($_.Exception.GetType().Name)" }
try { throw [System.InvalidOperationException]::new('x') } catch [System.ArgumentException], [System.InvalidOperationException] { 'one of two types' }
$zero = 0
try { 1 / $zero } catch [System.DivideByZeroException] { 'divide by zero caught by type' }
try { Get-Item -Path ./does-not-exist -ErrorAction Stop } catch [System.Management.Automation.ItemNotFoundException] { "not found: $($_.FullyQualifiedErrorId)" }
try {
    try { throw 'inner' } catch { 'handling inner'; throw }
} catch {
    "outer got: $_"
}
try {
    try { throw 'original' } finally { 'inner finally' }
} catch {
    "after finally: $_"
}
function Get-WithCleanup { try { return 'returned' } finally { 'cleanup' } }
Get-WithCleanup
foreach ($i in 1..3) {
    try { if ($i -eq 2) { break }; "body $i" } finally { "finally $i" }
}
try { throw @{ Code = 5 } } catch { "target code: $($_.TargetObject.Code)" }
try { 'abc'.Substring(10) } catch { $_.Exception.GetType().Name; $_.Exception.InnerException.GetType().Name }
try { $ErrorActionPreference = 'Stop'; Write-Error 'now terminating' } catch { "stopped: $_" } finally { $ErrorActionPreference = 'Continue' }
$e = try { throw 'as value' } catch { $_ }
$e.Exception.Message
'end'
# CHECK: caught: boom
# CHECK: finally ran
# CHECK: boom
# CHECK: RuntimeException
# CHECK: OperationStopped
# CHECK: ErrorRecord
# CHECK: argument: bad argument
# CHECK: base class caught: FileNotFoundException
# CHECK: one of two types
# CHECK: divide by zero caught by type
# CHECK: not found: PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand
# CHECK: handling inner
# CHECK: outer got: inner
# CHECK: inner finally
# CHECK: after finally: original
# CHECK: returned
# CHECK: cleanup
# CHECK: body 1
# CHECK: finally 1
# CHECK: finally 2
# CHECK: target code: 5
# CHECK: MethodInvocationException
# CHECK: ArgumentOutOfRangeException
# CHECK: stopped: now terminating
# CHECK: as value
# CHECK: end
