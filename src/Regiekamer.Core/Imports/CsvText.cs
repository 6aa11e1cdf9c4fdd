using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Imports;

/// <summary>
/// What every CSV reader shares: strict UTF-8 decoding of the bytes of a file, a check that the text is text (no NUL
/// or other control characters), one CsvHelper configuration, and CsvHelper's exceptions turned into an error that
/// names the file and the row, so that unreadable input never crashes a reader nor shows CsvHelper's internals.
/// </summary>
public static class CsvText
{
    /// <summary>The longest field any of our files has a use for (a change motivation is at most 4,000 characters).</summary>
    public const int MaxFieldLength = 10_000;

    /// <summary>The machine code of an error for a file that cannot be read as a UTF-8 CSV at all.</summary>
    public const string UnreadableCode = "unreadable-file";

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The configuration of every reader: comma-separated, fields trimmed, no field longer than <see cref="MaxFieldLength"/>.</summary>
    public static CsvReader Reader(TextReader reader) => new(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
    {
        TrimOptions = TrimOptions.Trim,
        DetectDelimiter = false,
        MaxFieldSize = MaxFieldLength,
    });

    /// <summary>The text of a file's bytes: UTF-8 (a byte-order mark is skipped), decoded strictly; anything else is an error naming the row.</summary>
    public static Result<string> Decode(string fileName, ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[Utf8Bom.Length..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return Unreadable(fileName, 1, "het bestand is niet in UTF-8 maar in UTF-16 of UTF-32 (bewaar het bestand als UTF-8)", "the file is not UTF-8 but UTF-16 or UTF-32 (save the file as UTF-8)");
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var row = bytes[..read].Count((byte)'\n') + 1;
            var at = (read + 1).ToString(CultureInfo.InvariantCulture);
            var what = read < bytes.Length ? $"0x{bytes[read]:X2}" : "";
            return status == OperationStatus.NeedMoreData
                ? Unreadable(fileName, row, $"het bestand is niet in UTF-8 (bewaar het bestand als UTF-8): het eindigt midden in een teken (byte {what} op positie {at})", $"the file is not UTF-8 (save the file as UTF-8): it ends in the middle of a character (byte {what} at position {at})")
                : Unreadable(fileName, row, $"het bestand is niet in UTF-8 (bewaar het bestand als UTF-8): byte {what} op positie {at} is geen UTF-8", $"the file is not UTF-8 (save the file as UTF-8): byte {what} at position {at} is not UTF-8");
        }

        var text = new string(chars, 0, written);
        return Check(fileName, text) is { } error ? error : Result<string>.Ok(text);
    }

    /// <summary>An error when the text holds a NUL or another control character (other than tab and line ends): a binary file, not a CSV.</summary>
    public static DomainError? Check(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var row = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                row++;
            }
            else if (char.IsControl(c) && c is not '\t' and not '\r')
            {
                var code = $"U+{(int)c:X4}";
                return Unreadable(
                    fileName,
                    row,
                    $"het bestand bevat een stuurteken ({code}{(c == '\0' ? ", NUL" : "")}) op positie {i + 1}: het is geen tekstbestand, of het is beschadigd (bewaar het als CSV in UTF-8)",
                    $"the file holds a control character ({code}{(c == '\0' ? ", NUL" : "")}) at position {i + 1}: it is no text file, or it is damaged (save it as CSV in UTF-8)");
            }
        }

        return null;
    }

    /// <summary>What a CsvHelper exception says about the input, as an error on the file and row; CsvHelper's own message (its reader state) is never shown.</summary>
    public static DomainError Unreadable(string fileName, CsvHelperException exception, IReadOnlyList<string>? header = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var row = exception.Context?.Parser?.Row ?? 1;
        var index = exception.Context?.Reader?.CurrentIndex ?? -1;
        var column = header is not null && index >= 0 && index < header.Count ? $" (kolom {header[index]})" : "";
        var columnEn = column.Length > 0 ? $" (column {header![index]})" : "";
        return exception switch
        {
            BadDataException => Unreadable(
                fileName,
                row,
                $"geen geldige CSV{column}: een aanhalingsteken (\") staat midden in een veld, of een veld tussen aanhalingstekens is niet afgesloten; zet zo'n veld helemaal tussen aanhalingstekens en verdubbel de aanhalingstekens erin",
                $"not valid CSV{columnEn}: a quote (\") stands inside a field, or a quoted field is not closed; put such a field wholly in quotes and double the quotes inside it"),
            MaxFieldSizeException => Unreadable(
                fileName,
                row,
                $"een veld is langer dan {MaxFieldLength.ToString("N0", Formats.Dutch)} tekens; geen veld van dit bestand is zo lang (misschien ontbreekt een afsluitend aanhalingsteken)",
                $"a field is longer than {MaxFieldLength.ToString("N0", CultureInfo.InvariantCulture)} characters; no field of this file is that long (perhaps a closing quote is missing)"),
            CsvHelper.MissingFieldException => Unreadable(fileName, row, $"de rij heeft te weinig velden{column}", $"the row has too few fields{columnEn}"),
            _ => Unreadable(fileName, row, "de rij kan niet als CSV gelezen worden", "the row cannot be read as CSV"),
        };
    }

    /// <summary>An error on a whole row of a file: "{file}, rij {row}: {nl}." and the same in English.</summary>
    public static DomainError Unreadable(string fileName, int row, string nl, string en) =>
        DomainError.Invalid(UnreadableCode, $"{fileName}, rij {row}: {nl}.", $"{fileName}, row {row}: {en}.", "file");

    /// <summary>A value as an error message shows it: at most 60 characters.</summary>
    public static string Shorten(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 60 ? value : value[..59] + "…";
    }

    /// <summary>Reads the whole of <paramref name="content"/> as bytes (a request body, an upload, a file).</summary>
    public static async Task<byte[]> ReadAllBytesAsync(Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}
