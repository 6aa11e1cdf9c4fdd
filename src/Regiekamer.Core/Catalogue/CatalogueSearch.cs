using Microsoft.EntityFrameworkCore;
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
/// every word of the text as a prefix (<see cref="CatalogueRules.SearchTerms"/>).
/// </summary>
public sealed class CatalogueSearch(RegiekamerDb db, BrusselsClock clock, ReferenceDataService referenceData)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    public const string Fts5Table = "OfferingSearch";

    public const string TsVectorColumn = "SearchVector";

    public const string TsVectorIndex = "IX_Offerings_SearchVector";

    public async Task<Result<CataloguePage>> SearchAsync(CatalogueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<DomainError>();
        var today = clock.Today;
        var after = CatalogueRules.PublicConfirmedAfter(today);
        var archived = db.Actors.Where(a => a.ArchivedAtUtc != null).Select(a => a.Id);
        var q = db.Offerings.AsNoTracking().IgnoreAutoIncludes()
            .Where(o => o.Status == OfferingStatus.Published && o.LastConfirmedOn > after && !archived.Contains(o.ActorId));

        if (!string.IsNullOrWhiteSpace(query.Municipality))
        {
            if (NisCode.TryParse(query.Municipality.Trim(), out var nis))
            {
                q = Among(q, db.Set<OfferingArea>().Where(a => a.NisCode == nis).Select(a => a.OfferingId));
            }
            else
            {
                errors.Add(DomainError.Invalid("validation", "Gemeente: geef een NIS-code (5 cijfers).", "Municipality: give a NIS code (5 digits).", "municipality"));
            }
        }

        var municipalityGiven = !string.IsNullOrWhiteSpace(query.Municipality);
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            var members = await RegionMembersAsync(query.Region.Trim(), ct);
            if (members is null)
            {
                errors.Add(DomainError.Invalid("unknown-region", "Referentieregio: onbekende code.", "Reference region: unknown code.", "region"));
            }
            else
            {
                var serving = db.Set<OfferingArea>().Where(a => members.Contains(a.NisCode)).Select(a => a.OfferingId);
                q = municipalityGiven ? q.Where(o => serving.Contains(o.Id)) : Among(q, serving);
            }
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var category = query.Category.Trim();
            var inCategory = db.Set<OfferingCategory>().Where(c => c.CategoryCode == category).Select(c => c.OfferingId);
            q = q.Where(o => inCategory.Contains(o.Id));
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var kind = query.Kind.Trim();
            q = q.Where(o => o.Actor!.KindCode == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.TargetGroup))
        {
            var group = query.TargetGroup.Trim();
            var forGroup = db.Set<OfferingTargetGroup>().Where(t => t.Code == group).Select(t => t.OfferingId);
            q = q.Where(o => forGroup.Contains(o.Id));
        }

        if (!string.IsNullOrWhiteSpace(query.Cpv))
        {
            if (Cpv.SearchPrefix(query.Cpv) is { } prefix)
            {
                var pattern = prefix + "%"; // digits only, so nothing in it is a LIKE wildcard
                var codes = db.Set<OfferingCpv>().Where(c => c.Code.CompareTo(prefix) >= 0);
                if (Cpv.SearchUpperBound(prefix) is { } bound)
                {
                    codes = codes.Where(c => c.Code.CompareTo(bound) < 0);
                }

                var underPrefix = codes.Where(c => EF.Functions.Like(c.Code, pattern)).Select(c => c.OfferingId);
                q = q.Where(o => underPrefix.Contains(o.Id));
            }
            else
            {
                errors.Add(DomainError.Invalid("validation", "CPV-code: 2 tot 8 cijfers, eventueel met controlecijfer (77310000-6).", "CPV code: 2 to 8 digits, optionally with the check digit (77310000-6).", "cpv"));
            }
        }

        var terms = CatalogueRules.SearchTerms(query.Text);
        if (terms.Count > 0)
        {
            var matching = Matching(terms);
            q = q.Where(o => matching.Contains(o.Id));
        }

        if (query.Page < 1 || query.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add(DomainError.Invalid("validation", $"Pagina: vanaf 1, hoogstens {MaxPageSize} per pagina.", $"Page: from 1, at most {MaxPageSize} per page.", "page"));
        }

        if (errors.Count > 0)
        {
            return Result<CataloguePage>.Fail(errors);
        }

        // The count and the page's ids come from the narrow index (Status, LastConfirmedOn, ActorId, Title) and the
        // actors' keys; only the page's rows are read in full (ADR 14, addendum).
        var total = await q.CountAsync(ct);
        var ids = await q.OrderBy(o => o.Actor!.Name).ThenBy(o => o.Title).ThenBy(o => o.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(o => o.Id)
            .ToListAsync(ct);
        var rows = (await db.Offerings.AsNoTracking().IgnoreAutoIncludes().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Title, o.Description, o.ActorId, o.ContactName, o.ContactEmail, o.ContactPhone, o.ContactConsent, o.LastConfirmedOn, Actor = o.Actor! })
            .ToListAsync(ct)).ToDictionary(o => o.Id);
        var page = ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList(); // a service deleted between the two reads is left out
        var categories = (await db.Set<OfferingCategory>().AsNoTracking().Where(c => ids.Contains(c.OfferingId)).ToListAsync(ct)).ToLookup(c => c.OfferingId, c => c.CategoryCode);
        var cpv = (await db.Set<OfferingCpv>().AsNoTracking().Where(c => ids.Contains(c.OfferingId)).ToListAsync(ct)).ToLookup(c => c.OfferingId, c => c.Code);
        var areas = (await db.Set<OfferingArea>().AsNoTracking().Where(c => ids.Contains(c.OfferingId)).ToListAsync(ct)).ToLookup(c => c.OfferingId, c => c.NisCode);
        var groups = (await db.Set<OfferingTargetGroup>().AsNoTracking().Where(c => ids.Contains(c.OfferingId)).ToListAsync(ct)).ToLookup(c => c.OfferingId, c => c.Code);
        var items = page.Select(p =>
        {
            var (name, email, phone) = PublicContact(p.ContactConsent, p.ContactName, p.ContactEmail, p.ContactPhone, p.Actor);
            return new CatalogueEntry(
                p.Id, p.Title, p.Description, p.ActorId, p.Actor.Name, p.Actor.KindCode, p.Actor.Website,
                categories[p.Id].Order(StringComparer.Ordinal).ToList(), cpv[p.Id].Order(StringComparer.Ordinal).ToList(), areas[p.Id].Order().ToList(), groups[p.Id].Order(StringComparer.Ordinal).ToList(),
                name, email, phone, p.LastConfirmedOn, p.Actor.MunicipalityNisCode);
        }).ToList();
        return Result<CataloguePage>.Ok(new CataloguePage(items, query.Page, query.PageSize, total, today));
    }

    public async Task<CatalogueLists> ListsAsync(CancellationToken ct = default)
    {
        var municipalities = (await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2025).Select(m => new { m.NisCode, m.Name }).ToListAsync(ct))
            .OrderBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-BE"), true)).Select(m => (m.NisCode, m.Name)).ToList();
        var regions = new List<(string, string)>();
        if (await referenceData.CurrentAsync(DatasetKind.ReferenceRegions, MunicipalitySet.Set2025, ct) is { } dataset)
        {
            regions = (await db.RegionAssignments.AsNoTracking().Where(a => a.DatasetId == dataset.Id).Select(a => new { a.RegionCode, a.RegionName }).Distinct().ToListAsync(ct))
                .OrderBy(r => r.RegionCode, StringComparer.Ordinal).Select(r => (r.RegionCode, r.RegionName)).ToList();
        }

        var categories = await db.CatalogueCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        var kinds = await db.ActorKinds.AsNoTracking().OrderBy(k => k.SortOrder).ToListAsync(ct);
        return new CatalogueLists(municipalities, regions, categories, kinds);
    }

    /// <summary>The consent rule: the service's contact person only with their consent; else the actor's general contact.</summary>
    public static (string? Name, string? Email, string? Phone) PublicContact(bool consent, string? name, string? email, string? phone, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return consent ? (name, email ?? actor.Email, phone ?? actor.Phone) : (null, actor.Email, actor.Phone);
    }

    /// <summary>The municipalities (2025) of a reference region in the assignment in force; null for an unknown region.</summary>
    public async Task<IReadOnlyList<NisCode>?> RegionMembersAsync(string region, CancellationToken ct = default)
    {
        var dataset = await referenceData.CurrentAsync(DatasetKind.ReferenceRegions, MunicipalitySet.Set2025, ct);
        if (dataset is null)
        {
            return null;
        }

        var members = await db.RegionAssignments.AsNoTracking().Where(a => a.DatasetId == dataset.Id && a.RegionCode == region).Select(a => a.NisCode).ToListAsync(ct);
        return members.Count == 0 ? null : members;
    }

    /// <summary>
    /// The services of <paramref name="q"/> whose id is among <paramref name="ids"/>, as a join on the distinct ids, so
    /// the database starts from the few ids an index gives (the area served: a municipality's services are a few
    /// hundred of 20,000). Only one filter joins: with two such joins SQLite's planner (no statistics) can pick a
    /// nested scan of both (31 s for region and category); the other filters are uncorrelated <c>IN</c> lists.
    /// </summary>
    private static IQueryable<Offering> Among(IQueryable<Offering> q, IQueryable<int> ids) =>
        q.Join(ids.Distinct(), o => o.Id, id => id, (o, _) => o);

    /// <summary>The ids the full-text index finds for every term (as a prefix), as a subquery the search composes with.</summary>
    private IQueryable<int> Matching(IReadOnlyList<string> terms) =>
        db.Database.IsSqlite()
            ? db.Database.SqlQueryRaw<int>($"SELECT rowid AS \"Value\" FROM \"{Fts5Table}\" WHERE \"{Fts5Table}\" MATCH {{0}}", CatalogueRules.Fts5Query(terms))
            : db.Database.SqlQueryRaw<int>($"SELECT \"Id\" AS \"Value\" FROM \"Offerings\" WHERE \"{TsVectorColumn}\" @@ to_tsquery('dutch'::regconfig, {{0}})", CatalogueRules.TsQuery(terms));
}
