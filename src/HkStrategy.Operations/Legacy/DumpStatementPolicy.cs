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
    public static bool IsCopyFromStdin(string statement) => CopyFromStdin().IsMatch(Words(statement));

    /// <summary>The statement (comments already left out by the splitter) with each run of whitespace as one space: patterns then never backtrack over long runs.</summary>
    private static string Words(string statement) => Whitespace().Replace(statement, " ").Trim();

    public static DumpStatementAction Classify(string text, string source, long line)
    {
        var statement = Words(text);
        if (OutsideTheDatabase().IsMatch(statement))
        {
            throw HksException.Refused("StatementOutsideDump", string.Create(CultureInfo.InvariantCulture,
                $"{source}, line {line:N0}: '{(statement.Length <= 40 ? statement : statement[..40] + "…")}' changes the server, a role or the database itself, which a dump of one database never does; nothing was run"));
        }
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(ALTER (DATABASE|ROLE|USER|GROUP|SYSTEM)|CREATE (ROLE|USER|GROUP|DATABASE|EVENT TRIGGER)|DROP (ROLE|USER|GROUP|DATABASE)|LOAD|CHECKPOINT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideTheDatabase();

    [GeneratedRegex(@"^COPY [^;]+? FROM stdin ?;$", RegexOptions.IgnoreCase)]
    private static partial Regex CopyFromStdin();

    [GeneratedRegex(@"^COPY\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnyCopy();

    [GeneratedRegex(@"^(ALTER\s(?![\s\S]*\sRENAME\s)[\s\S]+\sOWNER\s+TO\s+(""[^""]+""|[\w$]+)\s*;|ALTER\s+DEFAULT\s+PRIVILEGES\s[\s\S]+;|(RE)?SET\s+((SESSION|LOCAL)\s+)?(SESSION\s+AUTHORIZATION|ROLE)\b[\s\S]*;|GRANT\s[\s\S]+;|REVOKE\s[\s\S]+;)$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleStatement();

    [GeneratedRegex(@"^SET\s+client_encoding\s*(?:=|TO)\s*'?([\w-]+)'?\s*;$", RegexOptions.IgnoreCase)]
    private static partial Regex ClientEncoding();

    [GeneratedRegex(@"^COMMENT\s+ON\s+EXTENSION\s", RegexOptions.IgnoreCase)]
    private static partial Regex ExtensionComment();
}
