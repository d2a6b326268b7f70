using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HkStrategy.Core.Failures;
using HkStrategy.Operations.Files;

namespace HkStrategy.Operations.Legacy;

/// <summary>
/// Splits a plain SQL script into statements and COPY data the way psql's lexer does (quotes, escape strings,
/// dollar quotes, nested comments, parentheses, <c>BEGIN ATOMIC … END</c> bodies), fed a line at a time. A psql
/// meta-command (an unquoted backslash outside COPY data) is refused with its line: the script is data, never
/// commands. pg_dump's own <c>\restrict KEY</c> and <c>\unrestrict KEY</c> lines are the one exception; they
/// are passed over (they only switch meta-commands off in psql).
/// </summary>
public sealed partial class SqlScriptSplitter(string source)
{
    private enum Mode { Normal, Quoted, EscapeQuoted, QuotedIdentifier, Dollar, BlockComment }

    private readonly StringBuilder _statement = new();
    private Mode _mode;
    private string _dollarTag = "";
    private int _commentDepth;
    private int _parenDepth;
    private int _beginDepth;
    private int _identifiers;
    private readonly char[] _leading = new char[4];
    private long _statementLine;
    private bool _inCopy;
    private bool _hasContent;
    private bool _standardStrings = true;

    /// <summary>True when nothing is pending: no statement begun, no quote or COPY block open.</summary>
    public bool AtBoundary => !_inCopy && _mode == Mode.Normal && !_hasContent;

    public void Feed(string line, long lineNumber, List<DumpPiece> pieces)
    {
        if (_inCopy)
        {
            if (line == "\\.")
            {
                _inCopy = false;
                pieces.Add(new(DumpPieceKind.CopyEnd, line, lineNumber));
            }
            else
            {
                pieces.Add(new(DumpPieceKind.CopyRow, line, lineNumber));
            }
            return;
        }
        if (AtBoundary && PgDumpRestrictLine().IsMatch(line))
        {
            return;
        }
        if (_hasContent)
        {
            _statement.Append('\n');
        }
        Scan(line, lineNumber, pieces);
        if (_statement.Length > InputLimits.MaxStatementChars)
        {
            throw HksException.Refused("StatementTooLong", string.Create(CultureInfo.InvariantCulture,
                $"{source}: the statement from line {_statementLine:N0} is longer than {InputLimits.MaxStatementChars / (1024 * 1024)} MiB characters (the limit for one statement)"));
        }
    }

    /// <summary>Refuses a script that ends inside a statement, a quote or COPY data: it was cut short.</summary>
    public void Finish(long lastLine)
    {
        if (!AtBoundary)
        {
            var inside = _inCopy ? "COPY data" : _mode == Mode.Normal ? "a statement" : "a quoted text or comment";
            throw HksException.Refused("ArchiveIncomplete", string.Create(CultureInfo.InvariantCulture,
                $"{source} ends inside {inside} (line {lastLine:N0}): it is truncated or not a pg_dump file"));
        }
    }

    private void Scan(string line, long lineNumber, List<DumpPiece> pieces)
    {
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            switch (_mode)
            {
                case Mode.Normal:
                    i = ScanNormal(line, i, lineNumber, pieces);
                    continue;
                case Mode.Quoted or Mode.EscapeQuoted:
                    if (c == '\\' && (_mode == Mode.EscapeQuoted || !_standardStrings))
                    {
                        Append(line, i, 2); // a backslash escape: the next character is text, a quote too
                        i += 2;
                        continue;
                    }
                    if (c == '\'')
                    {
                        i += CloseQuote(line, i, '\'');
                        continue;
                    }
                    break;
                case Mode.QuotedIdentifier:
                    if (c == '"')
                    {
                        i += CloseQuote(line, i, '"');
                        continue;
                    }
                    break;
                case Mode.Dollar:
                    if (c == '$' && string.CompareOrdinal(line, i, _dollarTag, 0, _dollarTag.Length) == 0)
                    {
                        _mode = Mode.Normal;
                        Append(line, i, _dollarTag.Length);
                        i += _dollarTag.Length;
                        continue;
                    }
                    break;
                case Mode.BlockComment:
                    if (c == '/' && At(line, i + 1, '*'))
                    {
                        _commentDepth++;
                        i += 2;
                    }
                    else if (c == '*' && At(line, i + 1, '/'))
                    {
                        _mode = --_commentDepth == 0 ? Mode.Normal : Mode.BlockComment;
                        i += 2;
                    }
                    else
                    {
                        i++;
                    }
                    continue;
            }
            Append(line, i, 1);
            i++;
        }
    }

    /// <summary>A doubled quote is the quote character itself and the quote goes on; a single one ends it. Returns the characters taken.</summary>
    private int CloseQuote(string line, int i, char quote)
    {
        var doubled = At(line, i + 1, quote);
        _mode = doubled ? _mode : Mode.Normal;
        Append(line, i, doubled ? 2 : 1);
        return doubled ? 2 : 1;
    }

    private int ScanNormal(string line, int i, long lineNumber, List<DumpPiece> pieces)
    {
        var c = line[i];
        if (char.IsWhiteSpace(c))
        {
            AppendWithinStatement(line, i, 1);
            return i + 1;
        }
        if (c == '-' && At(line, i + 1, '-'))
        {
            AppendWithinStatement(" ", 0, 1); // a comment to the end of the line: left out, a space in its place
            return line.Length;
        }
        if (c == '/' && At(line, i + 1, '*'))
        {
            _mode = Mode.BlockComment;
            _commentDepth = 1;
            AppendWithinStatement(" ", 0, 1);
            return i + 2;
        }
        if (c == '\\')
        {
            throw HksException.Refused("MetaCommandInDump", string.Create(CultureInfo.InvariantCulture,
                $"{source}, line {lineNumber:N0}: '{Shorten(line.Trim())}' is a psql meta-command; a dump is loaded as data, never as commands, and nothing was run"));
        }
        BeginContent(lineNumber);
        if (IsIdentifierStart(c))
        {
            var end = i + 1;
            while (end < line.Length && IsIdentifierPart(line[end]))
            {
                end++;
            }
            CountIdentifier(line.AsSpan(i, end - i));
            Append(line, i, end - i);
            if (end - i == 1 && c is 'e' or 'E' && At(line, end, '\''))
            {
                _mode = Mode.EscapeQuoted;
                Append(line, end, 1);
                return end + 1;
            }
            return end;
        }
        switch (c)
        {
            case '\'':
                _mode = Mode.Quoted;
                break;
            case '"':
                _mode = Mode.QuotedIdentifier;
                break;
            case '(':
                _parenDepth++;
                break;
            case ')':
                _parenDepth = Math.Max(0, _parenDepth - 1);
                break;
            case '$' when DollarTag(line, i) is { } tag:
                _mode = Mode.Dollar;
                _dollarTag = tag;
                Append(line, i, tag.Length);
                return i + tag.Length;
            case ';' when _parenDepth == 0 && _beginDepth == 0:
                Append(line, i, 1);
                EndStatement(line, i + 1, lineNumber, pieces);
                return _inCopy ? line.Length : i + 1;
        }
        Append(line, i, 1);
        return i + 1;
    }

    private void EndStatement(string line, int rest, long lineNumber, List<DumpPiece> pieces)
    {
        var text = _statement.ToString().Trim();
        _statement.Clear();
        _hasContent = false;
        _parenDepth = _beginDepth = _identifiers = 0;
        Array.Clear(_leading);
        if (StandardStrings().Match(text) is { Success: true } setting)
        {
            _standardStrings = setting.Groups[1].Value.ToLowerInvariant() is "on" or "true";
        }
        pieces.Add(new(DumpPieceKind.Statement, text, _statementLine));
        if (DumpStatementPolicy.IsCopyFromStdin(text))
        {
            if (line.AsSpan(rest).Trim().Length > 0)
            {
                throw HksException.Refused("UnexpectedDumpContent", string.Create(CultureInfo.InvariantCulture,
                    $"{source}, line {lineNumber:N0}: text after COPY … FROM stdin on the same line; pg_dump starts the data on the next line"));
            }
            _inCopy = true;
        }
    }

    private void BeginContent(long lineNumber)
    {
        if (!_hasContent)
        {
            _hasContent = true;
            _statementLine = lineNumber;
        }
    }

    /// <summary>Whitespace before a statement is left out; within one, it is kept. Comments are never kept: what is sent and classified is the code.</summary>
    private void AppendWithinStatement(string line, int start, int length)
    {
        if (_hasContent)
        {
            Append(line, start, length);
        }
    }

    /// <summary>
    /// As psql's lexer (psqlscan.l): only in a statement that begins CREATE [OR REPLACE] FUNCTION|PROCEDURE, and outside
    /// parentheses, BEGIN opens a block (a SQL-standard body), CASE opens one inside a block, END closes one; ';' inside
    /// a block does not end the statement. Elsewhere (a column named "begin") these words are plain identifiers.
    /// </summary>
    private void CountIdentifier(ReadOnlySpan<char> word)
    {
        if (_identifiers < _leading.Length && (Is(word, "create") || Is(word, "function") || Is(word, "procedure") || Is(word, "or") || Is(word, "replace")))
        {
            _leading[_identifiers] = char.ToLowerInvariant(word[0]);
        }
        _identifiers++;
        var routine = _leading[0] == 'c' && (_leading[1] is 'f' or 'p' || (_leading[1] == 'o' && _leading[2] == 'r' && _leading[3] is 'f' or 'p'));
        if (!routine || _parenDepth != 0)
        {
            return;
        }
        if (Is(word, "begin"))
        {
            _beginDepth++;
        }
        else if (Is(word, "case") && _beginDepth >= 1)
        {
            _beginDepth++;
        }
        else if (Is(word, "end") && _beginDepth > 0)
        {
            _beginDepth--;
        }
    }

    private static bool Is(ReadOnlySpan<char> word, string keyword) => word.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    private void Append(string line, int start, int length) => _statement.Append(line.AsSpan(start, Math.Min(length, line.Length - start)));

    private static bool At(string line, int index, char expected) => index < line.Length && line[index] == expected;

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || c >= '\u0080';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c) || c == '$';

    private static string? DollarTag(string line, int start)
    {
        var end = start + 1;
        if (end < line.Length && line[end] != '$' && !IsIdentifierStart(line[end]))
        {
            return null; // $1, a parameter, or a lone dollar
        }
        while (end < line.Length && line[end] != '$' && (IsIdentifierStart(line[end]) || char.IsAsciiDigit(line[end])))
        {
            end++;
        }
        return At(line, end, '$') ? line[start..(end + 1)] : null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex(@"^\\(restrict|unrestrict) [A-Za-z0-9]+$")]
    private static partial Regex PgDumpRestrictLine();

    [GeneratedRegex(@"^SET\s+standard_conforming_strings\s*(?:=|TO)\s*'?(on|off|true|false)'?\s*;$", RegexOptions.IgnoreCase)]
    private static partial Regex StandardStrings();
}
