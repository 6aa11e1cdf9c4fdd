using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Audit;

/// <summary>
/// Which audit records to show or export. Every part is optional; <see cref="From"/> and <see cref="To"/> are dates in
/// Brussels (both inclusive), as the department reads them, not UTC dates.
/// </summary>
public sealed record AuditFilter(
    string? EntityType = null,
    string? EntityId = null,
    string? Actor = null,
    string? Action = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Field = null)
{
    public static AuditFilter None { get; } = new();

    /// <summary>
    /// Builds a filter from text as it arrives in a query string or on the command line; dates are YYYY-MM-DD.
    /// Errors name the dates as the caller calls them (<see cref="AuditDateNames"/>): "vanaf"/"tot en met" on the
    /// web, "--from"/"--to" on the CLI.
    /// </summary>
    public static Result<AuditFilter> Parse(
        string? entityType, string? entityId, string? actor, string? action, string? from, string? to, AuditDateNames? names = null, string? field = null)
    {
        var (fromName, fromLabel, toName, toLabel) = names ?? AuditDateNames.Web;
        var errors = new List<DomainError>();
        var fromDate = ParseDate(fromName, fromLabel, from, errors);
        var toDate = ParseDate(toName, toLabel, to, errors);
        if (fromDate is { } f && toDate is { } t && t < f)
        {
            errors.Add(DomainError.Invalid(
                "validation",
                $"{Capitalized(toLabel.Nl)} {Formats.ShortDate(t)} ligt vóór {fromLabel.Nl} {Formats.ShortDate(f)}.",
                $"{Capitalized(toLabel.En)} {Formats.ShortDate(t)} is before {fromLabel.En} {Formats.ShortDate(f)}.",
                toName));
        }

        return errors.Count > 0
            ? Result<AuditFilter>.Fail(errors)
            : Result<AuditFilter>.Ok(new AuditFilter(Clean(entityType), Clean(entityId), Clean(actor), Clean(action), fromDate, toDate, Clean(field)));
    }

    /// <summary>The same filter with blank parts dropped and text trimmed.</summary>
    public AuditFilter Normalized() => new(Clean(EntityType), Clean(EntityId), Clean(Actor), Clean(Action), From, To, Clean(Field));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? ParseDate(string field, Bilingual label, string? text, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(DomainError.Invalid("validation", $"{Capitalized(label.Nl)}: '{text}' is geen datum (JJJJ-MM-DD).", $"{Capitalized(label.En)}: '{text}' is not a date (YYYY-MM-DD).", field));
        return null;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>How a caller names the filter's two dates: the field (for errors' <c>field</c>) and the words in messages.</summary>
public sealed record AuditDateNames(string FromField, Bilingual FromLabel, string ToField, Bilingual ToLabel)
{
    public static AuditDateNames Web { get; } = new("from", new("vanaf", "from"), "to", new("tot en met", "to"));

    public static AuditDateNames CommandLine { get; } = new("--from", new("--from", "--from"), "--to", new("--to", "--to"));
}

/// <summary>One page of audit records, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Records, int Page, int PageSize, long Total)
{
    public int Pages => PagesFor(Total, PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < Pages;

    /// <summary>How many pages <paramref name="total"/> records fill; an empty list is one (empty) page.</summary>
    public static int PagesFor(long total, int pageSize) => total == 0 ? 1 : (int)((total + pageSize - 1) / pageSize);
}

/// <summary>Reads the audit trail for the department's list, the history of one entity and the CSV export.</summary>
public static class AuditQuery
{
    public const int PageSize = 50;

    /// <summary>
    /// The records that match, in no particular order. The actor is matched on the name people see: the personal
    /// values that contain the text (<paramref name="personal"/>, see <see cref="ActorReferencesAsync"/>), and on older
    /// records the stored name itself.
    /// </summary>
    public static IQueryable<AuditRecord> Matching(IQueryable<AuditRecord> records, AuditFilter filter, IReadOnlyCollection<string>? personal = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(filter);
        var f = filter.Normalized();
        if (f.EntityType is { } type)
        {
            records = records.Where(a => a.EntityType == type);
        }

        if (f.EntityId is { } id)
        {
            records = records.Where(a => a.EntityId == id);
        }

        if (f.Action is { } action)
        {
            records = records.Where(a => a.Action == action);
        }

        if (f.Field is { } field)
        {
            // Records since typed events keep their changed fields; older ones have none to match.
            var marker = "," + field + ",";
            records = records.Where(a => a.Fields != null && a.Fields.Contains(marker));
        }

        if (f.Actor is { } actor)
        {
            // Upper on both sides: the same case-insensitive match on SQLite and PostgreSQL.
            var term = actor.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(); a culture or StringComparison cannot be translated.
            var refs = personal ?? [];
            records = records.Where(a => a.ActorName.ToUpper().Contains(term) || refs.Contains(a.ActorName));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (f.From is { } from)
        {
            var start = BrusselsClock.StartOfDayUtc(from);
            records = records.Where(a => a.AtUtc >= start);
        }

        if (f.To is { } to)
        {
            var end = BrusselsClock.StartOfDayUtc(to.AddDays(1));
            records = records.Where(a => a.AtUtc < end);
        }

        return records;
    }

    /// <summary>Page <paramref name="page"/> (from 1) of the matching records, newest first; a page past the end is the last page.</summary>
    public static async Task<AuditPage> PageAsync(RegiekamerDb db, AuditFilter filter, int page, int pageSize = PageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var matching = Matching(db.AuditRecords.AsNoTracking(), filter, await ActorReferencesAsync(db, filter, ct));
        var total = await matching.LongCountAsync(ct);
        var pages = AuditPage.PagesFor(total, pageSize);
        page = Math.Clamp(page, 1, pages);
        var records = await matching.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(records, page, pageSize, total);
    }

    /// <summary>Every matching record in the order of the chain (oldest first), read as a stream, for the export.</summary>
    public static async IAsyncEnumerable<AuditRecord> StreamAsync(RegiekamerDb db, AuditFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var references = await ActorReferencesAsync(db, filter, ct);
        await foreach (var record in Matching(db.AuditRecords.AsNoTracking(), filter, references).OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return record;
        }
    }

    /// <summary>The references ("pd:&lt;id&gt;") of the personal values that contain the filter's actor text, as records name their actor.</summary>
    public static async Task<IReadOnlyCollection<string>> ActorReferencesAsync(RegiekamerDb db, AuditFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Normalized().Actor is not { } actor)
        {
            return [];
        }

        var term = actor.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL upper(); a culture or StringComparison cannot be translated.
        var ids = await db.PersonalData.AsNoTracking().Where(d => d.Value != null && d.Value.ToUpper().Contains(term)).Select(d => d.Id).Take(10_000).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        return ids.Select(id => Personal.ReferencePrefix + id.ToString("D")).ToList();
    }

    /// <summary>The entity types and actions that occur, for the filter's choices.</summary>
    public static async Task<(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions)> ChoicesAsync(RegiekamerDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pairs = await db.AuditRecords.AsNoTracking().Select(a => new { a.EntityType, a.Action }).Distinct().ToListAsync(ct);
        return (pairs.Select(p => p.EntityType).Distinct().Order(StringComparer.Ordinal).ToList(), pairs.Select(p => p.Action).Distinct().Order(StringComparer.Ordinal).ToList());
    }
}
