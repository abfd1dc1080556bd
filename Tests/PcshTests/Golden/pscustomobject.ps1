# [pscustomobject] construction, properties, Add-Member and member enumeration.
$p = [pscustomobject]@{ Name = 'Ada'; Age = 36 }
$p.Name
$p.Age + 1
$p.PSObject.Properties.Name -join ','
$p.GetType().Name
$p -is [pscustomobject]
"$p"
$p.Age = 37
$p.Age
$null -eq $p.Missing
$p | Add-Member -NotePropertyName City -NotePropertyValue 'London'
$p.City
"$p"
$p | Add-Member -MemberType ScriptProperty -Name Summary -Value { "$($this.Name) ($($this.Age))" }
$p.Summary
$p | Add-Member -MemberType ScriptMethod -Name Greet -Value { param($who) "Hi $who, I am $($this.Name)" }
$p.Greet('Bob')
$people = @(
    [pscustomobject]@{ Name = 'Ada'; Age = 36 }
    [pscustomobject]@{ Name = 'Bob'; Age = 25 }
    [pscustomobject]@{ Name = 'Cy'; Age = 41 }
)
$people.Name -join ','
($people | Where-Object Age -GT 30).Name -join ','
($people | Sort-Object Age | ForEach-Object Name) -join ','
($people | Measure-Object -Property Age -Sum).Sum
$copy = $people[0].PSObject.Copy()
$copy.Name = 'Eve'
"$($people[0].Name) $($copy.Name)"
$fromHash = [pscustomobject]@{ Z = 1; A = 2; M = 3 }
$fromHash.PSObject.Properties.Name -join ','
# CHECK: Ada
# CHECK: 37
# CHECK: Name,Age
# CHECK: PSCustomObject
# CHECK: True
# CHECK: @{Name=Ada; Age=36}
# CHECK: 37
# CHECK: True
# CHECK: London
# CHECK: @{Name=Ada; Age=37; City=London}
# CHECK: Ada (37)
# CHECK: Hi Bob, I am Ada
# CHECK: Ada,Bob,Cy
# CHECK: Ada,Cy
# CHECK: Bob,Ada,Cy
# CHECK: 102
# CHECK: Ada Eve
# CHECK: Z,A,M
