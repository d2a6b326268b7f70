using System.Globalization;
using System.Text.RegularExpressions;
using HkStrategy.Core.Failures;

namespace HkStrategy.Operations.Legacy;

public enum DumpStatementAction
{
    Execute,

    /// <summary>COPY … FROM stdin: the rows that follow are loaded as data.</summary>
    Copy,

    /// <summary>Ownership, grants and role switches name roles that need not exist here; comments on extensions belong to the server.</summary>
    Skip,
}

/// <summary>What a statement of a plain dump may do: what pg_dump writes, nothing that reads or writes outside the database.</summary>
public static partial class DumpStatementPolicy
{
    public static bool IsCopyFromStdin(string statement) => CopyFromStdin().IsMatch(statement);

    public static DumpStatementAction Classify(string statement, string source, long line)
    {
        if (CopyFromStdin().IsMatch(statement))
        {
            return DumpStatementAction.Copy;
        }
        if (AnyCopy().IsMatch(statement))
        {
            throw HksException.Refused("CopyOutsideDump", string.Create(CultureInfo.InvariantCulture,
                $"{source}, line {line:N0}: a COPY that is not 'COPY … FROM stdin' (files and programs are never read or run); nothing was run"));
        }
        if (ClientEncoding().Match(statement) is { Success: true } encoding)
        {
            return encoding.Groups[1].Value.Replace("-", "", StringComparison.Ordinal).Equals("UTF8", StringComparison.OrdinalIgnoreCase)
                ? DumpStatementAction.Skip // the connection's own encoding
                : throw HksException.Refused("DumpEncodingUnsupported", string.Create(CultureInfo.InvariantCulture,
                    $"{source}, line {line:N0}: the dump is in {encoding.Groups[1].Value}; hks loads UTF-8 dumps (pg_dump --encoding=UTF8 writes one)"));
        }
        return RoleStatement().IsMatch(statement) || ExtensionComment().IsMatch(statement) ? DumpStatementAction.Skip : DumpStatementAction.Execute;
    }

    [GeneratedRegex(@"^COPY\s+[^;]+?\s+FROM\s+stdin\s*;$", RegexOptions.IgnoreCase)]
    private static partial Regex CopyFromStdin();

    [GeneratedRegex(@"^COPY\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyCopy();

    [GeneratedRegex(@"^(ALTER\s(?![\s\S]*\sRENAME\s)[\s\S]+\sOWNER\s+TO\s+(""[^""]+""|[\w$]+)\s*;|ALTER\s+DEFAULT\s+PRIVILEGES\s[\s\S]+;|(RE)?SET\s+(SESSION\s+AUTHORIZATION|ROLE)\b[\s\S]*;|GRANT\s[\s\S]+;|REVOKE\s[\s\S]+;)$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleStatement();

    [GeneratedRegex(@"^SET\s+client_encoding\s*(?:=|TO)\s*'?([\w-]+)'?\s*;$", RegexOptions.IgnoreCase)]
    private static partial Regex ClientEncoding();

    [GeneratedRegex(@"^COMMENT\s+ON\s+EXTENSION\s", RegexOptions.IgnoreCase)]
    private static partial Regex ExtensionComment();
}
