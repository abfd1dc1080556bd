/// Conceptual help topics (`Get-Help about_…`) that command help refers to, and the overview
/// Get-Help shows without a name. Written for pcsh; names follow PowerShell's.
enum ConceptualHelp {
    static let overview = """
        TOPIC
            pcsh help

        SHORT DESCRIPTION
            How to find help in pcsh.

        LONG DESCRIPTION
            Get-Help <command> shows what a cmdlet, function or script does, its syntax,
            parameters and examples; -Examples, -Full and -Parameter <name> narrow or widen it.
            Get-Help <pattern> (for example Get-Help *PersistentChat*) lists matching commands.
            Get-Command lists every command of the session; Get-Command -Module <name> those of
            one module. Get-Member shows the properties and methods of objects.

            Conceptual topics:
                about_CommonParameters      parameters every cmdlet takes
                about_Preference_Variables  variables that change how pcsh behaves
                about_pcsh_Roles            the role check in front of every cmdlet
                about_pcsh_Migration        moving Group Chat to Persistent Chat

        """

    static let topics: [String: String] = [
        "about_commonparameters": """
            TOPIC
                about_CommonParameters

            SHORT DESCRIPTION
                Parameters every cmdlet and advanced function accepts.

            LONG DESCRIPTION
                -Verbose, -Debug              show the verbose or debug messages of the command.
                -ErrorAction <action>         what a non-terminating error does: Continue (show it
                                              and go on), Stop (make it terminating, so try/catch
                                              sees it), SilentlyContinue, Ignore, Inquire.
                -WarningAction, -InformationAction
                                              the same for warnings and information (Write-Host).
                -ErrorVariable, -WarningVariable, -InformationVariable, -OutVariable <name>
                                              also collect the records or output in a variable
                                              (+name appends).
                -OutBuffer, -PipelineVariable, -ProgressAction
                                              accepted as in PowerShell.
                Commands that change something also take -WhatIf (describe, change nothing) and
                -Confirm (ask first); see about_Preference_Variables for $ConfirmPreference.

            """,
        "about_preference_variables": """
            TOPIC
                about_Preference_Variables

            SHORT DESCRIPTION
                Variables that change how pcsh behaves.

            LONG DESCRIPTION
                $ErrorActionPreference   Continue (default), Stop, SilentlyContinue, Ignore.
                $WarningPreference       Continue (default) or SilentlyContinue.
                $VerbosePreference       SilentlyContinue (default) or Continue.
                $DebugPreference         SilentlyContinue (default) or Continue.
                $InformationPreference   SilentlyContinue by default; Write-Host always shows.
                $ConfirmPreference       High (default): commands of high impact ask first;
                                         None never asks; Low asks for everything.
                $WhatIfPreference        $true makes every command that supports it describe
                                         instead of act.
                A command's own -ErrorAction, -Verbose, -Confirm or -WhatIf wins over these.

            """,
        "about_pcsh_roles": """
            TOPIC
                about_pcsh_Roles

            SHORT DESCRIPTION
                The role check in front of every cmdlet.

            LONG DESCRIPTION
                Every Lync cmdlet belongs to a role (Get-CsAdminRole lists them, with their
                cmdlets). A user may run a cmdlet when a group they belong to holds a role that
                includes it; members of RTCUniversalServerAdmins may run everything. pcsh -Role <role>
                limits a session to one role. Commands that change the deployment
                are written to the audit log (Search-CsAdminAuditLog), allowed or denied.

            """,
        "about_pcsh_migration": """
            TOPIC
                about_pcsh_Migration

            SHORT DESCRIPTION
                Moving Lync 2010 or OCS 2007 R2 Group Chat to Persistent Chat.

            LONG DESCRIPTION
                1. Stop the legacy Group Chat services and export the legacy database:
                       Export-CsPersistentChatData -DBInstance <legacy db> -FileName C:\\Logs\\gc.zip
                2. Stop the Persistent Chat services of the target pool (Stop-CsWindowsService).
                3. Preview: Import-CsPersistentChatData -DBInstance <pool SqlStore> -FileName
                   C:\\Logs\\gc.zip -WhatIf -Report whatif.html lists every conversion, warning
                   and error. Fix the legacy data where it reports errors, export again.
                4. Import without -WhatIf: one transaction, after a backup (-BackupPath).
                5. Copy the file store, replace the Lookup Server account with
                   New-CsPersistentChatEndpoint, then decommission the legacy pool.
                The repository's docs/migration.md lists every rule the import applies.

            """,
    ]
}
