using System.Numerics;
using System.Buffers.Binary;
using System.Text;

namespace HkStrategy.Data.Copy;

/// <summary>
/// Reads rows of PostgreSQL's binary COPY format (<c>COPY … TO STDOUT (FORMAT BINARY)</c> through
/// <c>BeginRawBinaryCopyAsync</c>): the header, then per row a field count and length-prefixed fields, then the
/// trailer; the counterpart of <see cref="BinaryCopyWriter"/>. A numeric comes as whole units of its column's scale
/// straight from its base-10000 digit groups. Written by hand for the same reason as the writer: a report reads
/// 100,000 activities, and Npgsql's reader spent more time per row converting decimals (or the server casting them
/// to integers) than everything else in the read (docs/benchmarks.md). Anything that is not the format as documented
/// is refused, never guessed.
/// </summary>
public sealed class BinaryCopyReader(Stream input)
{
    private const int Capacity = 1 << 16;
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int PostgresEpoch = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long[] PowersOfTen = [.. Enumerable.Range(0, 19).Select(e => (long)Math.Pow(10, e))];
    private readonly byte[] _buffer = new byte[Capacity];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private int _start;
    private int _end;
    private bool _ended;

    public async Task ReadHeaderAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(Signature.Length + 8, cancellationToken);
        if (!_buffer.AsSpan(_start, Signature.Length).SequenceEqual(Signature))
        {
            throw Broken("it does not start with the binary COPY signature");
        }
        _start += Signature.Length;
        // Bits 16–31 of the flags are critical: a reader must refuse one it does not know (bit 16: rows with OIDs).
        var flags = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start));
        if ((flags & 0xFFFF0000) != 0)
        {
            throw Broken($"header flags {flags:x8} this reader does not know");
        }
        _start += 4;
        var extension = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start));
        _start += 4;
        if (extension < 0)
        {
            throw Broken("a negative header extension");
        }
        await SkipAsync(extension, cancellationToken);
    }

    /// <summary>
    /// The next row, wholly in the buffer, with <paramref name="fields"/> fields; false at the trailer. The row's
    /// fields are then read in order with the methods below. A row already in the buffer is taken without awaiting.
    /// </summary>
    public ValueTask<bool> ReadRowAsync(short fields, CancellationToken cancellationToken) =>
        TakeRow(fields) is { } taken ? ValueTask.FromResult(taken) : ReadMoreAsync(fields, cancellationToken);

    private async ValueTask<bool> ReadMoreAsync(short fields, CancellationToken cancellationToken)
    {
        while (true)
        {
            await FillAsync(cancellationToken);
            if (TakeRow(fields) is { } taken)
            {
                return taken;
            }
        }
    }

    /// <summary>True when the next row is wholly in the buffer (and is now the one read), false at the trailer, null when more must be read first.</summary>
    private bool? TakeRow(short fields)
    {
        var available = _end - _start;
        if (available < 2)
        {
            return null;
        }
        var row = _buffer.AsSpan(_start, available);
        var count = BinaryPrimitives.ReadInt16BigEndian(row);
        if (count == -1)
        {
            return false;
        }
        if (count != fields)
        {
            throw Broken($"a row of {count} fields where {fields} were asked for");
        }
        var length = 2;
        for (var field = 0; field < fields; field++)
        {
            if (available < length + 4)
            {
                return null;
            }
            var size = BinaryPrimitives.ReadInt32BigEndian(row[length..]);
            if (size < -1 || size > Capacity / 2)
            {
                throw Broken($"a field of {size} bytes");
            }
            length += 4 + Math.Max(size, 0);
        }
        if (available < length)
        {
            return null;
        }
        _start += 2;
        return true;
    }

    public bool IsNull() => BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start)) == -1;

    public long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Field(8));

    public int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Field(4));

    public int? ReadNullableInt32() => SkippedNull() ? null : ReadInt32();

    public DateOnly ReadDate()
    {
        var days = BinaryPrimitives.ReadInt32BigEndian(Field(4));
        return days >= DateOnly.MinValue.DayNumber - PostgresEpoch && days <= DateOnly.MaxValue.DayNumber - PostgresEpoch
            ? DateOnly.FromDayNumber(PostgresEpoch + days)
            : throw Broken($"a date {days} days from 2000-01-01");
    }

    /// <summary>Text as UTF-8; the same text read again is the same string (a ledger names a few hundred symbols, 100,000 times).</summary>
    public string ReadText()
    {
        var bytes = Field(-1);
        if (bytes.Length > 256)
        {
            return Encoding.UTF8.GetString(bytes);
        }
        Span<char> chars = stackalloc char[bytes.Length];
        var written = Encoding.UTF8.GetChars(bytes, chars);
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..written], out var known))
        {
            return known;
        }
        var text = new string(chars[..written]);
        if (_strings.Count < 4096)
        {
            _strings[text] = text;
        }
        return text;
    }

    public string? ReadNullableText() => SkippedNull() ? null : ReadText();

    /// <summary>
    /// A numeric as a whole number of units of 10^−<paramref name="scale"/> (its column's scale: a price in
    /// thousandths, money in cents). A value with more decimals than the scale, NaN, an infinity or one past a 64-bit
    /// whole number is refused.
    /// </summary>
    public long ReadScaledNumeric(int scale)
    {
        var field = Field(-1);
        if (field.Length < 8)
        {
            throw Broken("a numeric shorter than its header");
        }
        var digits = BinaryPrimitives.ReadInt16BigEndian(field);
        var weight = BinaryPrimitives.ReadInt16BigEndian(field[2..]);
        var sign = BinaryPrimitives.ReadUInt16BigEndian(field[4..]);
        var displayScale = BinaryPrimitives.ReadInt16BigEndian(field[6..]);
        if (digits < 0 || field.Length != 8 + (2 * digits) || (sign != 0 && sign != 0x4000) || displayScale < 0 || displayScale > scale)
        {
            throw Broken($"a numeric that is not a number of at most {scale} decimals");
        }
        // The last group is worth 10000^(weight − digits + 1); in units of 10^−scale, 10^(4·that + scale).
        var exponent = (4 * (weight - digits + 1)) + scale;
        var negative = sign == 0x4000;
        try
        {
            return digits <= 4 ? Scaled<long>(field, digits, exponent, negative, scale) : Scaled<Int128>(field, digits, exponent, negative, scale);
        }
        catch (OverflowException)
        {
            throw Broken("a numeric past a 64-bit whole number");
        }
    }

    /// <summary>
    /// A numeric's digit groups as a whole number of units of 10^−<paramref name="scale"/>, in <typeparamref name="T"/>:
    /// 64 bits for at most four groups (below 10^16: a report's every price, amount and cost), 128 bits for more until
    /// the value is scaled.
    /// </summary>
    private static long Scaled<T>(ReadOnlySpan<byte> field, int digits, int exponent, bool negative, int scale) where T : IBinaryInteger<T>
    {
        var value = T.Zero;
        var groupSize = T.CreateTruncating(10_000);
        for (var i = 0; i < digits; i++)
        {
            value = checked((value * groupSize) + T.CreateTruncating(Group(field, i)));
        }
        if (exponent >= 0)
        {
            value = T.IsZero(value) ? T.Zero
                : exponent < PowersOfTen.Length ? checked(value * T.CreateTruncating(PowersOfTen[exponent])) : throw new OverflowException();
        }
        else
        {
            var divisor = -exponent < PowersOfTen.Length ? T.CreateTruncating(PowersOfTen[-exponent]) : throw Broken($"a numeric of more than {scale} decimals");
            value = T.IsZero(value % divisor) ? value / divisor : throw Broken($"a numeric of more than {scale} decimals");
        }
        return long.CreateChecked(negative ? -value : value);
    }

    /// <summary>The numeric's digit group at <paramref name="index"/>: 0 to 9999.</summary>
    private static short Group(ReadOnlySpan<byte> field, int index)
    {
        var group = BinaryPrimitives.ReadInt16BigEndian(field[(8 + (2 * index))..]);
        return group is >= 0 and <= 9999 ? group : throw Broken("a numeric digit group past 9999");
    }

    public long? ReadNullableScaledNumeric(int scale) => SkippedNull() ? null : ReadScaledNumeric(scale);

    /// <summary>Whether the next field is NULL, then read (its length, −1, is all of it).</summary>
    private bool SkippedNull()
    {
        if (!IsNull())
        {
            return false;
        }
        _start += 4;
        return true;
    }

    /// <summary>The next field's bytes (of <paramref name="size"/> bytes, or any when −1); the row is in the buffer already.</summary>
    private ReadOnlySpan<byte> Field(int size)
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(_start));
        if (length < 0 || (size >= 0 && length != size))
        {
            throw Broken(length < 0 ? "a NULL where a value must be" : $"a field of {length} bytes where {size} must be");
        }
        var field = _buffer.AsSpan(_start + 4, length);
        _start += 4 + length;
        return field;
    }

    /// <summary>
    /// Moves what is left to the buffer's start and reads until the buffer is full or the stream ends; a row longer
    /// than the buffer is refused. The server sends each row as a message of its own and a read gives at most one
    /// message: filling the buffer takes hundreds of rows per call instead of one.
    /// </summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start == 0 && _end == Capacity)
        {
            throw Broken($"a row of more than {Capacity} bytes");
        }
        if (_ended)
        {
            throw Broken("it ends before its trailer");
        }
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        (_end, _start) = (_end - _start, 0);
        while (_end < Capacity)
        {
            var read = await input.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                _ended = true;
                return;
            }
            _end += read;
        }
    }

    private async ValueTask EnsureAsync(int bytes, CancellationToken cancellationToken)
    {
        if (_end - _start >= bytes)
        {
            return;
        }
        if (bytes > Capacity)
        {
            throw Broken($"a row of more than {Capacity} bytes");
        }
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        (_end, _start) = (_end - _start, 0);
        while (_end < bytes)
        {
            var read = await input.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                throw Broken("it ends before its trailer");
            }
            _end += read;
        }
    }

    private async Task SkipAsync(int bytes, CancellationToken cancellationToken)
    {
        while (bytes > 0)
        {
            await EnsureAsync(Math.Min(bytes, Capacity), cancellationToken);
            var skipped = Math.Min(bytes, _end - _start);
            _start += skipped;
            bytes -= skipped;
        }
    }

    private static InvalidDataException Broken(string what) => new($"the server's binary COPY is not as PostgreSQL documents it: {what}");
}
