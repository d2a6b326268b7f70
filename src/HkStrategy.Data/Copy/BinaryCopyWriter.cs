using System.Buffers.Binary;
using System.Text;

namespace HkStrategy.Data.Copy;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format for <c>BeginRawBinaryCopyAsync</c>: the header, then per row a field
/// count and length-prefixed fields (text as UTF-8, date as days since 2000-01-01, numeric as base-10000 digit groups,
/// integers big-endian, NULL as length −1), then the trailer. Written by hand because Npgsql's per-field importer
/// spends about a microsecond a field converting decimals, more than the server needs to store the row
/// (docs/benchmarks.md); the format is PostgreSQL's documented one, and the import tests read every value back.
/// </summary>
public sealed class BinaryCopyWriter(Stream output)
{
    private const int Capacity = 1 << 16;
    private const int CachedStrings = 4096;
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;
    private readonly byte[] _buffer = new byte[Capacity];
    private readonly Dictionary<string, byte[]> _strings = new(StringComparer.Ordinal);
    private int _used;

    public void WriteHeader()
    {
        Reserve(Signature.Length + 8);
        Put(Signature);
        PutInt32(0); // flags
        PutInt32(0); // header extension length
    }

    public void StartRow(short fields)
    {
        Reserve(2);
        PutInt16(fields);
    }

    public void Null()
    {
        Reserve(4);
        PutInt32(-1);
    }

    /// <summary>Text as UTF-8; the bytes of short repeated values (symbols, types, currencies) are kept, a bounded few.</summary>
    public void Text(string? text)
    {
        if (text is null)
        {
            Null();
            return;
        }
        if (!_strings.TryGetValue(text, out var bytes))
        {
            bytes = Encoding.UTF8.GetBytes(text);
            if (text.Length <= 32 && _strings.Count < CachedStrings)
            {
                _strings[text] = bytes;
            }
        }
        Reserve(4);
        PutInt32(bytes.Length);
        if (bytes.Length > Capacity)
        {
            Flush();
            output.Write(bytes);
            return;
        }
        Reserve(bytes.Length);
        Put(bytes);
    }

    public void Date(DateOnly? day)
    {
        if (day is not { } d)
        {
            Null();
            return;
        }
        Reserve(8);
        PutInt32(4);
        PutInt32(d.DayNumber - PostgresEpoch);
    }

    public void Whole(int? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        Reserve(8);
        PutInt32(4);
        PutInt32(v);
    }

    public void BigInteger(long value)
    {
        Reserve(12);
        PutInt32(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    /// <summary>A numeric of up to 28 significant digits: sign, weight and scale, then base-10000 groups aligned on the decimal point.</summary>
    public void Numeric(decimal? number)
    {
        if (number is not { } value)
        {
            Null();
            return;
        }
        Reserve(4 + 8 + 2 * 10);
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

    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        Reserve(2);
        PutInt16(-1); // trailer
        await output.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken);
        _used = 0;
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
            Flush();
        }
    }

    private void Flush()
    {
        output.Write(_buffer, 0, _used);
        _used = 0;
    }
}
