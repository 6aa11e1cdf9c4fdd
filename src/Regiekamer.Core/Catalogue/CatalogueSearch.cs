using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Catalogue;

/// <summary>What a visitor searches for; every part optional, all given parts must hold.</summary>
public sealed record CatalogueQuery(
    string? Municipality = null,
    string? Region = null,
    string? Category = null,
    string? Kind = null,
    string? TargetGroup = null,
    string? Cpv = null,
    string? Text = null,
    int Page = 1,
    int PageSize = CatalogueSearch.DefaultPageSize);

/// <summary>One public entry: the supplier, what it offers, where, for whom, how to contact it (by the consent rule), and when it was last confirmed.</summary>
public sealed record CatalogueEntry(
    int Id,
    string Title,
    string? Description,
    int ActorId,
    string Supplier,
    string SupplierKind,
    string? SupplierWebsite,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> CpvCodes,
    IReadOnlyList<NisCode> Municipalities,
    IReadOnlyList<string> TargetGroups,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    DateOnly LastConfirmedOn,
    NisCode? SupplierMunicipality = null);

/// <summary>What the catalogue's forms offer to choose from: the 2025 municipalities, the reference regions, the categories, the actor kinds.</summary>
public sealed record CatalogueLists(
    IReadOnlyList<(NisCode Nis, string Name)> Municipalities,
    IReadOnlyList<(string Code, string Name)> Regions,
    IReadOnlyList<CatalogueCategory> Categories,
    IReadOnlyList<ActorKind> Kinds)
{
    public string MunicipalityName(NisCode nis) => Municipalities.FirstOrDefault(m => m.Nis == nis).Name ?? nis.Value;

    public CatalogueCategory? Category(string code) => Categories.FirstOrDefault(c => c.Code == code);

    public ActorKind? Kind(string code) => Kinds.FirstOrDefault(k => k.Code == code);
}

public sealed record CataloguePage(IReadOnlyList<CatalogueEntry> Items, int Page, int PageSize, int Total, DateOnly Today)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The public catalogue: only published services of actors not archived, confirmed in the last 18 months
/// (<see cref="CatalogueRules.PublicConfirmedAfter"/>). Filters by municipality or reference region (services whose
/// area includes it), category, supplier kind, target group, CPV code (a broader code finds the narrower ones) and
/// text: full-text per provider, PostgreSQL's Dutch configuration on a generated tsvector, SQLite's FTS5, both with
/// every word of the text as a prefix (<see cref="CatalogueRules.SearchTerms"/>). Everything else (the other filters,
/// the count, the order and the page's entries) comes from the <see cref="CatalogueIndex"/> in memory, which follows
/// every change within <see cref="DataVersion.Freshness"/>, as the page cache does.
/// </summary>
public sealed class CatalogueSearch(RegiekamerDb db, BrusselsClock clock, ReferenceDataService referenceData, CatalogueIndexCache indexes)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    public const string Fts5Table = "OfferingSearch";

    public const string TsVectorColumn = "SearchVector";

    public const string TsVectorIndex = "IX_Offerings_SearchVector";

    /// <summary>Up to how many services the other filters leave the text is looked up among (on PostgreSQL), rather than in all.</summary>
    public const int TextAmongAtMost = 2_000;

    public async Task<Result<CataloguePage>> SearchAsync(CatalogueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageError = query.Page < 1 || query.PageSize is < 1 or > MaxPageSize
            ? DomainError.Invalid("validation", $"Pagina: vanaf 1, hoogstens {MaxPageSize} per pagina.", $"Page: from 1, at most {MaxPageSize} per page.", "page")
            : null;
        var found = await FindAsync(query, (query.Page - 1) * query.PageSize, query.PageSize, pageError, ct);
        return found.IsSuccess
            ? Result<CataloguePage>.Ok(new CataloguePage(found.Value!.Items, query.Page, query.PageSize, found.Value.Total, found.Value.Today))
            : Result<CataloguePage>.Fail(found.Errors);
    }

    /// <summary>Every entry the query finds, in the catalogue's order, from one search (the query's page and size are ignored): the CSV download and <c>catalogue export</c>.</summary>
    public async Task<Result<IReadOnlyList<CatalogueEntry>>> EveryMatchAsync(CatalogueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await FindAsync(query, 0, int.MaxValue, null, ct);
        return found.IsSuccess ? Result<IReadOnlyList<CatalogueEntry>>.Ok(found.Value!.Items) : Result<IReadOnlyList<CatalogueEntry>>.Fail(found.Errors);
    }

    /// <summary>The query checked (every error at once, with <paramref name="pageError"/> if any), then <paramref name="take"/> matches from <paramref name="skip"/> on, and how many match.</summary>
    private async Task<Result<(List<CatalogueEntry> Items, int Total, DateOnly Today)>> FindAsync(CatalogueQuery query, int skip, int take, DomainError? pageError, CancellationToken ct)
    {
        var index = await indexes.CurrentAsync(db, referenceData, ct);
        var errors = new List<DomainError>();
        NisCode? municipality = null;
        if (!string.IsNullOrWhiteSpace(query.Municipality))
        {
            if (NisCode.TryParse(query.Municipality.Trim(), out var nis))
            {
                municipality = nis;
            }
            else
            {
                errors.Add(DomainError.Invalid("validation", "Gemeente: geef een NIS-code (5 cijfers).", "Municipality: give a NIS code (5 digits).", "municipality"));
            }
        }

        var region = Given(query.Region);
        if (region is not null && !index.Regions.ContainsKey(region))
        {
            errors.Add(DomainError.Invalid("unknown-region", "Referentieregio: onbekende code.", "Reference region: unknown code.", "region"));
        }

        var cpv = string.IsNullOrWhiteSpace(query.Cpv) ? null : Cpv.SearchPrefix(query.Cpv);
        if (!string.IsNullOrWhiteSpace(query.Cpv) && cpv is null)
        {
            errors.Add(DomainError.Invalid("validation", "CPV-code: 2 tot 8 cijfers, eventueel met controlecijfer (77310000-6).", "CPV code: 2 to 8 digits, optionally with the check digit (77310000-6).", "cpv"));
        }

        if (pageError is not null)
        {
            errors.Add(pageError);
        }

        if (errors.Count > 0)
        {
            return Result<(List<CatalogueEntry>, int, DateOnly)>.Fail(errors);
        }

        var filter = new IndexFilter(municipality, region, Given(query.Category), Given(query.Kind), Given(query.TargetGroup), cpv);
        var terms = CatalogueRules.SearchTerms(query.Text);
        if (terms.Count > 0)
        {
            // SQLite's FTS5 reads every match of a word faster than it checks a list of rows; PostgreSQL the other way round.
            var among = db.Database.IsNpgsql() ? index.NarrowestIds(filter, TextAmongAtMost) : null;
            filter = filter with { TextIds = await MatchingAsync(terms, among, ct) };
        }

        var today = clock.Today;
        var (total, items) = index.Find(filter, CatalogueRules.PublicConfirmedAfter(today), skip, take);
        return Result<(List<CatalogueEntry>, int, DateOnly)>.Ok((items, total, today));
    }

    /// <summary>The lists as the public search has them (from its index, so without a query once it is built).</summary>
    public async Task<CatalogueLists> PublicListsAsync(CancellationToken ct = default) => (await indexes.CurrentAsync(db, referenceData, ct)).Lists;

    /// <summary>The lists as stored now, for the regisseur's forms (which must not wait for the public index after a save).</summary>
    public async Task<CatalogueLists> ListsAsync(CancellationToken ct = default) => (await CatalogueIndex.ListsAsync(db, referenceData, ct)).Lists;

    /// <summary>The consent rule: the service's contact person only with their consent; else the actor's general contact.</summary>
    public static (string? Name, string? Email, string? Phone) PublicContact(bool consent, string? name, string? email, string? phone, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return PublicContact(consent, name, email, phone, actor.Email, actor.Phone);
    }

    /// <inheritdoc cref="PublicContact(bool, string?, string?, string?, Actor)"/>
    public static (string? Name, string? Email, string? Phone) PublicContact(bool consent, string? name, string? email, string? phone, string? actorEmail, string? actorPhone) =>
        consent ? (name, email ?? actorEmail, phone ?? actorPhone) : (null, actorEmail, actorPhone);

    /// <summary>The municipalities (2025) of a reference region in the assignment in force; null for an unknown region.</summary>
    public async Task<IReadOnlyList<NisCode>?> RegionMembersAsync(string region, CancellationToken ct = default) =>
        (await indexes.CurrentAsync(db, referenceData, ct)).Regions.TryGetValue(region, out var members) ? members.Order().ToList() : null;

    private static string? Given(string? code) => string.IsNullOrWhiteSpace(code) ? null : code.Trim();

    /// <summary>
    /// The ids the full-text index finds for every term (as a prefix), only among <paramref name="among"/> when given
    /// (PostgreSQL). Read with a plain data reader: a broad word
    /// matches thousands of services, and EF's materialiser costs more than the index's lookup (docs/performance.md).
    /// </summary>
    private async Task<HashSet<int>> MatchingAsync(IReadOnlyList<string> terms, IReadOnlyList<int>? among, CancellationToken ct)
    {
        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sqlite
                ? $"SELECT rowid FROM \"{Fts5Table}\" WHERE \"{Fts5Table}\" MATCH @terms"
                : $"SELECT \"Id\" FROM \"Offerings\" WHERE {(among is null ? "" : "\"Id\" = ANY(@among) AND ")}\"{TsVectorColumn}\" @@ to_tsquery('dutch'::regconfig, @terms)";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "terms";
            parameter.Value = sqlite ? CatalogueRules.Fts5Query(terms) : CatalogueRules.TsQuery(terms);
            command.Parameters.Add(parameter);
            if (among is not null && !sqlite)
            {
                var within = command.CreateParameter();
                within.ParameterName = "among";
                within.Value = among.ToArray();
                command.Parameters.Add(within);
            }
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var ids = new HashSet<int>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(sqlite ? (int)reader.GetInt64(0) : reader.GetInt32(0)); // FTS5's rowid is 64-bit; the services' ids are int
            }

            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
