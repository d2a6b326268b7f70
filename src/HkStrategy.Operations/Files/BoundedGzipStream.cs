using System.Globalization;
using System.IO.Compression;
using HkStrategy.Core.Failures;

namespace HkStrategy.Operations.Files;

/// <summary>
/// Decompresses a <c>.gz</c> file and refuses a bomb: more than <see cref="InputLimits.MaxGzipRatio"/> bytes out per
/// byte in (once <see cref="InputLimits.RatioCheckedFrom"/> bytes came out), or more than
/// <see cref="InputLimits.MaxDecompressedBytes"/> in all. A SQL dump compresses 3–20 times; zeros compress 1,000 times.
/// </summary>
public sealed class BoundedGzipStream : Stream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly string _source;
    private long _produced;

    public BoundedGzipStream(string path)
    {
        _file = File.OpenRead(path);
        _gzip = new GZipStream(_file, CompressionMode.Decompress);
        _source = Path.GetFileName(path);
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(_gzip.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await _gzip.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _produced += read;
        if (_produced > InputLimits.MaxDecompressedBytes)
        {
            throw HksException.Refused("DecompressedTooLarge", string.Create(CultureInfo.InvariantCulture,
                $"{_source} decompresses to more than {InputLimits.MaxDecompressedBytes / (1024L * 1024 * 1024)} GiB (the limit for a .gz input)"));
        }
        if (_produced > InputLimits.RatioCheckedFrom && _produced > InputLimits.MaxGzipRatio * Math.Max(1, _file.Position))
        {
            throw HksException.Refused("DecompressionBomb", string.Create(CultureInfo.InvariantCulture,
                $"{_source} decompresses more than {InputLimits.MaxGzipRatio} times ({_produced:N0} bytes from {_file.Position:N0}; the limit for a .gz input): a gzip bomb, not a dump"));
        }
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _produced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _gzip.DisposeAsync();
        await _file.DisposeAsync();
        await base.DisposeAsync();
    }
}
