# Surplus positional arguments: the error names the first argument no parameter takes.
try { Get-Date 1 2 3 -ErrorAction Stop } catch { $_.Exception.Message }
try { Get-ChildItem a b c -ErrorAction Stop } catch { $_.Exception.Message }
# CHECK: A positional parameter cannot be found that accepts argument '2'.
# CHECK: A positional parameter cannot be found that accepts argument 'c'.
