using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Audit;

/// <summary>
/// The audit trail as CSV: one row per record, every stored field as stored, so that the hash of each row can be
/// recomputed from the file, then the actor and the values as people read them (personal references resolved, an
/// erased person as "gewiste persoon"; a value a spreadsheet would take for a formula starts with an apostrophe).
/// Written record by record, so an export of the whole trail never sits in memory.
/// </summary>
public static class AuditCsv
{
    public static IReadOnlyList<string> Header { get; } =
        ["id", "at_utc", "at_brussels", "actor", "actor_role", "entity_type", "entity_id", "action", "before", "after", "previous_hash", "hash", "format", "fields", "actor_display", "before_display", "after_display"];

    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>UTF-8 with a byte-order mark, so that a spreadsheet opens accents (é, ë) right.</summary>
    public static Encoding FileEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    /// <summary>Writes the header and every record; returns the number of records written.</summary>
    public static async Task<long> WriteAsync(TextWriter output, IAsyncEnumerable<AuditView> records, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(records);
        var buffer = new StringBuilder();
        using var text = new StringWriter(buffer, CultureInfo.InvariantCulture);
        using var csv = new CsvWriter(text, Configuration);
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        long count = 0;
        await foreach (var record in records.WithCancellation(ct))
        {
            foreach (var field in Row(record))
            {
                csv.WriteField(field);
            }

            csv.NextRecord();
            count++;
            if (buffer.Length > 64 * 1024)
            {
                await FlushAsync(csv, buffer, output, ct);
            }
        }

        await FlushAsync(csv, buffer, output, ct);
        return count;
    }

    /// <summary>The fields of one record, in the order of <see cref="Header"/>.</summary>
    public static IReadOnlyList<string> Row(AuditView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var record = view.Record;
        return
        [
            record.Id.ToString(CultureInfo.InvariantCulture),
            AtUtc(record.AtUtc),
            AtBrussels(record.AtUtc),
            record.ActorName,
            record.ActorRole,
            record.EntityType,
            record.EntityId,
            record.Action,
            record.Before ?? "",
            record.After ?? "",
            record.PreviousHash,
            record.Hash,
            record.Format.ToString(CultureInfo.InvariantCulture),
            record.Fields ?? "",
            Spreadsheet.Safe(view.ActorName),
            Spreadsheet.Safe(view.Before ?? ""),
            Spreadsheet.Safe(view.After ?? ""),
        ];
    }

    /// <summary>2023-01-14T22:59:00.000Z: the instant as the hash covers it.</summary>
    public static string AtUtc(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>2023-01-14T23:59:00.000+01:00: the same instant in Brussels, with its offset so summer time is never ambiguous.</summary>
    public static string AtBrussels(DateTime utc) => BrusselsClock.InBrussels(utc).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static async Task FlushAsync(CsvWriter csv, StringBuilder buffer, TextWriter output, CancellationToken ct)
    {
        await csv.FlushAsync();
        await output.WriteAsync(buffer, ct);
        buffer.Clear();
    }
}
