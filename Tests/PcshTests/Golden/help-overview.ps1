# Get-Help without a name is an overview; the about_ topics that command help refers to exist.
(Get-Help) -match 'about_pcsh_Migration'
(Get-Help about_CommonParameters) -match '-ErrorAction'
(Get-Help about_Preference_Variables) -match 'ConfirmPreference'
(Get-Help about_pcsh_Roles) -match 'RTCUniversalServerAdmins'
(Get-Help about_pcsh_Migration) -match 'Import-CsPersistentChatData'
# CHECK: True
# CHECK: True
# CHECK: True
# CHECK: True
# CHECK: True
