using System.Text;

namespace HkStrategy.Operations.Files;

/// <summary>
/// Reads text line by line (<c>\n</c> or <c>\r\n</c>) without ever holding more than one line of at most
/// <see cref="InputLimits.MaxLineChars"/> characters: a file with no line ends (<c>/dev/zero</c>) is refused, not read into memory.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, string source, int maxLineChars = InputLimits.MaxLineChars)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _ended;

    /// <summary>The number of the line last returned, from 1.</summary>
    public long LineNumber { get; private set; }

    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_ended || (_end = await reader.ReadAsync(_buffer, cancellationToken)) == 0)
                {
                    _ended = true;
                    _start = _end = 0;
                    return any ? Finish() : null;
                }
                _start = 0;
            }
            any = true;
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf('\n');
            var take = newline < 0 ? pending.Length : newline;
            if (_line.Length + take > maxLineChars)
            {
                throw InputLimits.LineTooLong(source, LineNumber + 1);
            }
            _line.Append(pending[..take]);
            if (newline >= 0)
            {
                _start += newline + 1;
                return Finish();
            }
            _start = _end;
        }
    }

    private string Finish()
    {
        LineNumber++;
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }
        return _line.ToString();
    }
}
