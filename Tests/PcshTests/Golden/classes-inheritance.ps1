# Inheritance: base constructors, overrides, calling the base method through a cast, -is.
class Account {
    [string]$Owner
    [decimal]$Balance
    Account([string]$owner) { $this.Owner = $owner; $this.Balance = 0 }
    [string] Kind() { return 'account' }
    [string] Describe() { return "$($this.Owner) has a $($this.Kind()) with $($this.Balance)" }
    [void] Deposit([decimal]$amount) { $this.Balance += $amount }
}
class Savings : Account {
    [double]$Rate = 0.02
    Savings([string]$owner, [double]$rate) : base($owner) { $this.Rate = $rate }
    [string] Kind() { return 'savings account' }
    [string] PlainKind() { return ([Account]$this).Kind() }
}
$s = [Savings]::new('Ada', 0.05)
$s.Deposit(100)
$s.Describe()
$s.PlainKind()
$s -is [Account]
$s -is [Savings]
[Account]::new('Bob') -is [Savings]
$s.GetType().Name
$s.GetType().BaseType.Name
$s | Format-List
# CHECK: Ada has a savings account with 100
# CHECK: account
# CHECK: True
# CHECK: True
# CHECK: False
# CHECK: Savings
# CHECK: Account
# CHECK-EMPTY:
# CHECK: Rate    : 0.05
# CHECK: Owner   : Ada
# CHECK: Balance : 100
