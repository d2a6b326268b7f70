namespace HkStrategy.Operations.Files;

/// <summary>
/// Passes a stream through unchanged, and refuses it once a line runs past <see cref="InputLimits.MaxCsvLineBytes"/>
/// bytes: a CSV reader then never buffers a "row" of a file without line ends (<c>/dev/zero</c>).
/// </summary>
public sealed class LineGuardStream(Stream inner, string source) : Stream
{
    private long _sinceNewline;
    private long _line = 1;

    public override int Read(byte[] buffer, int offset, int count) => Check(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Check(buffer[..inner.Read(buffer)]);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Check(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Check(ReadOnlySpan<byte> read)
    {
        var rest = read;
        while (rest.IndexOf((byte)'\n') is var newline and >= 0)
        {
            _line++;
            _sinceNewline = 0;
            rest = rest[(newline + 1)..];
        }
        _sinceNewline += rest.Length;
        return _sinceNewline > InputLimits.MaxCsvLineBytes ? throw InputLimits.LineTooLong(source, _line, InputLimits.MaxCsvLineBytes) : read.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
