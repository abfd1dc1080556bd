# Get-Member on common types: custom objects, strings, hashtables and arrays (-InputObject).
[pscustomobject]@{ Name = 'srv1'; Port = 443 } | Get-Member | Format-Table Name, MemberType, Definition
'text' | Get-Member -MemberType Properties | Format-Table Name, MemberType, Definition
@{ a = 1 } | Get-Member -Name Keys, ContainsKey | ForEach-Object { "$($_.TypeName): $($_.Name) [$($_.MemberType)] $($_.Definition)" }
1, 2, 3 | Get-Member -Name CompareTo | ForEach-Object TypeName
Get-Member -InputObject @(1, 2, 3) -Name Length | ForEach-Object TypeName
# CHECK-EMPTY:
# CHECK: Name        MemberType   Definition
# CHECK: ----        ----------   ----------
# CHECK: Equals      Method       bool Equals(System.Object obj)
# CHECK: GetHashCode Method       int GetHashCode()
# CHECK: GetType     Method       type GetType()
# CHECK: ToString    Method       string ToString()
# CHECK: Name        NoteProperty string Name=srv1
# CHECK: Port        NoteProperty int Port=443
# CHECK-EMPTY:
# CHECK-EMPTY:
# CHECK: Name   MemberType            Definition
# CHECK: ----   ----------            ----------
# CHECK: Chars  ParameterizedProperty char Chars(int index) {get;}
# CHECK: Length Property              int Length {get;}
# CHECK-EMPTY:
# CHECK: System.Collections.Hashtable: ContainsKey [Method] bool ContainsKey(System.Object key)
# CHECK: System.Collections.Hashtable: Keys [Property] System.Collections.ICollection Keys {get;}
# CHECK: System.Int32
# CHECK: System.Object[]
