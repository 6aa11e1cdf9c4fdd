using System.Text;

namespace Regiekamer.TestCommon;

/// <summary>One generated input file: what sort of damage it has, and its bytes.</summary>
public sealed record FuzzFile(string Kind, byte[] Bytes)
{
    public override string ToString() => $"{Kind} ({Bytes.Length} bytes)";
}

/// <summary>
/// Broken CSV files made from a valid one with a fixed seed, the kinds the fuzzing of issue 7 found crashes with:
/// random bytes, random text, stray quotes, a truncated last row, Latin-1 and UTF-16, huge fields and binary bytes.
/// Every file is unreadable or invalid by construction (none can pass as the valid one), so a reader must refuse each
/// with an error and never crash.
/// </summary>
public static class CsvFuzz
{
    public static readonly IReadOnlyList<string> Kinds = ["random bytes", "random text", "stray quote", "truncated row", "latin-1", "utf-16", "huge field", "binary bytes"];

    private const string TextAlphabet = "abcXYZ019 ,,;;\"\"\n\r\t'é–\u0000";

    /// <param name="valid">The lines of a valid file, header first, at least one data row.</param>
    public static IReadOnlyList<FuzzFile> Files(int seed, int count, IReadOnlyList<string> valid)
    {
        ArgumentNullException.ThrowIfNull(valid);
        var random = new Random(seed);
        var text = string.Join("\n", valid);
        var files = new List<FuzzFile>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Count];
            files.Add(new FuzzFile(kind, kind switch
            {
                "random bytes" => RandomBytes(random, random.Next(0, 600)),
                "random text" => Encoding.UTF8.GetBytes(RandomText(random, random.Next(1, 400))),
                "stray quote" => Encoding.UTF8.GetBytes(StrayQuote(random, text)),
                "truncated row" => Encoding.UTF8.GetBytes(Truncated(random, valid)),
                "latin-1" => Encoding.Latin1.GetBytes(text.Insert(random.Next(0, text.Length + 1), random.Next(2) == 0 ? "é" : "Sint-Katelijne-Waver, ë")),
                "utf-16" => Utf16(random, text),
                "huge field" => Encoding.UTF8.GetBytes(HugeField(random, text)),
                _ => BinaryBytes(random, Encoding.UTF8.GetBytes(text)),
            }));
        }

        return files;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string RandomText(Random random, int length) =>
        string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = TextAlphabet[r.Next(TextAlphabet.Length)];
            }
        });

    /// <summary>One to three quotes somewhere in the data rows (after the header, so it is never just a quoted header).</summary>
    private static string StrayQuote(Random random, string text)
    {
        var start = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            // Inside a field, not right at its start or end (where the quote might merely quote a field or close one).
            int at;
            do
            {
                at = random.Next(start + 1, text.Length);
            }
            while (!IsInsideField(text, at));
            text = text.Insert(at, "\"");
        }

        return text;
    }

    private static bool IsInsideField(string text, int at) =>
        at > 0 && at < text.Length && text[at - 1] is not (',' or '\n' or '"') && text[at] is not (',' or '\n' or '"');

    /// <summary>The last row cut off within or right after its first field, so it lacks the fields that follow.</summary>
    private static string Truncated(Random random, IReadOnlyList<string> valid)
    {
        var last = valid[^1];
        var comma = last.IndexOf(',', StringComparison.Ordinal);
        var cut = last[..random.Next(1, comma + 2)];
        return string.Join("\n", valid.Take(valid.Count - 1).Append(cut));
    }

    private static byte[] Utf16(Random random, string text)
    {
        Encoding encoding = random.Next(2) == 0 ? new UnicodeEncoding(bigEndian: false, byteOrderMark: true) : new UnicodeEncoding(bigEndian: true, byteOrderMark: true);
        var body = encoding.GetBytes(text);
        return random.Next(2) == 0 ? [.. encoding.GetPreamble(), .. body] : body;
    }

    /// <summary>A field of 10,001 to 300,000 characters (longer than any reader allows), quoted or not, in a data row.</summary>
    private static string HugeField(Random random, string text)
    {
        var start = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        var huge = new string(random.Next(2) == 0 ? 'x' : '7', random.Next(10_001, 300_001));
        var at = random.Next(start + 1, text.Length);
        while (!IsInsideField(text, at))
        {
            at = random.Next(start + 1, text.Length);
        }

        return text.Insert(at, random.Next(3) == 0 ? huge.Insert(huge.Length / 2, ",\"") + "\"" : huge);
    }

    /// <summary>One to five bytes that are never text in UTF-8 (control characters, continuation bytes, 0xFE/0xFF) put in anywhere.</summary>
    private static byte[] BinaryBytes(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            byte b;
            do
            {
                b = (byte)random.Next(256);
            }
            while (b is (>= 0x20 and < 0x7F) or 0x09 or 0x0A or 0x0D or (>= 0xC0 and <= 0xFD));

            // A lone continuation byte leaves one byte over wherever it lands, so the file is never valid UTF-8.
            list.Insert(random.Next(0, list.Count + 1), b);
        }

        return [.. list];
    }
}
