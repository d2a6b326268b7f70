using System.Buffers.Binary;
using System.Text;
using HkStrategy.Core.Prices;

namespace HkStrategy.Data.Prices;

/// <summary>
/// Encodes daily bars as PostgreSQL's binary COPY format (header, then per row a field count and length-prefixed
/// fields: varchar as UTF-8, date as days since 2000-01-01, numeric as base-10000 digit groups, bigint) for
/// <c>BeginRawBinaryCopyAsync</c>. Written by hand because Npgsql's per-field importer spends about a microsecond a row
/// converting decimals, three times what the server needs to store the row (docs/benchmarks.md); the format is
/// PostgreSQL's documented one, and the import tests read every value back.
/// </summary>
public sealed class BarCopyEncoder(Stream output)
{
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly Dictionary<string, byte[]> _strings = new(StringComparer.Ordinal);
    private int _used;

    public void WriteHeader()
    {
        Put(Signature);
        PutInt32(0); // flags
        PutInt32(0); // header extension length
    }

    public void Write(DailyBar bar, string source)
    {
        Reserve(256);
        PutInt16(8);
        PutText(bar.Symbol);
        PutInt32(4);
        PutInt32(bar.TradeDate.DayNumber - PostgresEpoch);
        PutNumeric(bar.Open);
        PutNumeric(bar.High);
        PutNumeric(bar.Low);
        PutNumeric(bar.Close);
        PutInt32(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used), bar.Volume);
        _used += 8;
        PutText(source);
    }

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        Reserve(2);
        PutInt16(-1); // trailer
        await FlushAsync(cancellationToken);
    }

    /// <summary>A numeric of up to 28 significant digits: sign, weight and scale, then base-10000 groups aligned on the decimal point.</summary>
    private void PutNumeric(decimal value)
    {
        var bits = decimal.GetBits(value);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var mantissa = (UInt128)(uint)bits[0] | ((UInt128)(uint)bits[1] << 32) | ((UInt128)(uint)bits[2] << 64);
        // Align the fraction on whole base-10000 groups: pad the scale up to a multiple of four.
        var padded = (scale + 3) / 4 * 4;
        for (var k = scale; k < padded; k++)
        {
            mantissa *= 10;
        }
        Span<short> groups = stackalloc short[10];
        var count = 0;
        while (mantissa > 0)
        {
            groups[count++] = (short)(ushort)(mantissa % 10000);
            mantissa /= 10000;
        }
        var fractionGroups = padded / 4;
        // Drop trailing zero groups (PostgreSQL stores none) while keeping the weight right.
        var trailing = 0;
        while (trailing < count && groups[trailing] == 0)
        {
            trailing++;
        }
        var digits = count - trailing;
        var weight = count - fractionGroups - 1;
        PutInt32(8 + digits * 2);
        PutInt16((short)digits);
        PutInt16((short)(digits == 0 ? 0 : weight));
        PutInt16((short)(negative && digits > 0 ? 0x4000 : 0));
        PutInt16((short)scale);
        for (var k = count - 1; k >= trailing; k--)
        {
            PutInt16(groups[k]);
        }
    }

    private void PutText(string text)
    {
        if (!_strings.TryGetValue(text, out var bytes))
        {
            _strings[text] = bytes = Encoding.UTF8.GetBytes(text);
        }
        PutInt32(bytes.Length);
        Put(bytes);
    }

    private void PutInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), value);
        _used += 2;
    }

    private void PutInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), value);
        _used += 4;
    }

    private void Put(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    private void Reserve(int bytes)
    {
        if (_used + bytes > _buffer.Length)
        {
            output.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await output.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken);
        _used = 0;
    }
}
