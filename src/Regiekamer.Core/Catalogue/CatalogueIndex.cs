using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Catalogue;

/// <summary>
/// What the public catalogue filters and sorts on, for every published service of an actor not archived, in the order
/// the catalogue shows them (supplier, title, id; Dutch collation): its kind, last confirmation, area, CPV codes,
/// categories and target groups; with the search form's lists and the reference regions' members. Built from one
/// version of the data (<see cref="DataVersion.Catalogue"/> and <see cref="DataVersion.DerivedInputs"/>), never
/// changed after, shared by every request. A search walks it once: the count and the page come from one pass over
/// 20,000 entries in memory instead of a count and a sort over every match in the database (docs/adr/0014, second
/// addendum). The 18-month rule is applied at search time, so the index does not age with the day.
/// </summary>
public sealed class CatalogueIndex
{
    /// <summary>One service as the search sees it. Arrays sorted; never changed after the index is built.</summary>
    public sealed record Entry(int Id, int ActorId, string Kind, DateOnly LastConfirmedOn, NisCode[] Areas, string[] CpvCodes, string[] Categories, string[] TargetGroups);

    private readonly Entry[] _entries;
    private readonly Dictionary<int, int> _positionOf;
    private readonly Dictionary<NisCode, int[]> _byMunicipality;
    private readonly Dictionary<string, int[]> _byCategory;
    private readonly Dictionary<string, int[]> _byKind;
    private readonly Dictionary<string, int[]> _byTargetGroup;
    private readonly Dictionary<string, int[]> _byCpvDivision;

    /// <summary>An index over <paramref name="entriesInOrder"/>, which are in the catalogue's order already.</summary>
    public CatalogueIndex(IEnumerable<Entry> entriesInOrder, CatalogueLists lists, IReadOnlyDictionary<string, HashSet<NisCode>> regions)
    {
        ArgumentNullException.ThrowIfNull(entriesInOrder);
        _entries = [.. entriesInOrder];
        _positionOf = _entries.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i);
        _byMunicipality = Postings(e => e.Areas);
        _byCategory = Postings<string>(e => e.Categories, StringComparer.Ordinal);
        _byKind = Postings<string>(e => [e.Kind], StringComparer.Ordinal);
        _byTargetGroup = Postings<string>(e => e.TargetGroups, StringComparer.Ordinal);
        _byCpvDivision = Postings<string>(e => e.CpvCodes.Select(c => Cpv.Division(c)).Distinct(StringComparer.Ordinal), StringComparer.Ordinal);
        Lists = lists;
        Regions = regions;
    }

    /// <summary>In the catalogue's order.</summary>
    public IReadOnlyList<Entry> Entries => _entries;

    public Entry this[int id] => _entries[_positionOf[id]];

    public CatalogueLists Lists { get; }

    /// <summary>The members (2025 set) of each reference region in the assignment in force.</summary>
    public IReadOnlyDictionary<string, HashSet<NisCode>> Regions { get; }

    /// <summary>
    /// The services that pass every filter given and were confirmed after <paramref name="confirmedAfter"/>: how many,
    /// and the ids of <paramref name="take"/> of them from <paramref name="skip"/> on, in the catalogue's order. Starts
    /// from the shortest list an exact filter gives (a municipality's services are a few hundred of 20,000) and checks
    /// the others on each of those.
    /// </summary>
    public (int Total, List<int> Ids) Find(IndexFilter filter, DateOnly confirmedAfter, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var lists = new List<IReadOnlyList<int>>();
        if (filter.Municipality is { } municipality)
        {
            lists.Add(_byMunicipality.GetValueOrDefault(municipality) ?? []);
        }

        if (filter.Region is { } region)
        {
            lists.Add(Union(region.Select(m => _byMunicipality.GetValueOrDefault(m) ?? [])));
        }

        AddPostings(lists, _byCategory, filter.Category);
        AddPostings(lists, _byKind, filter.Kind);
        AddPostings(lists, _byTargetGroup, filter.TargetGroup);
        if (filter.CpvPrefix is { } prefix)
        {
            lists.Add(_byCpvDivision.GetValueOrDefault(Cpv.Division(prefix)) ?? []);
        }

        if (filter.TextIds is { } textIds)
        {
            lists.Add(Union([textIds.Select(id => _positionOf.GetValueOrDefault(id, -1)).Where(p => p >= 0).ToArray()]));
        }

        var positions = lists.Count == 0 ? Enumerable.Range(0, _entries.Length) : lists.MinBy(l => l.Count)!;
        var total = 0;
        var ids = new List<int>(Math.Max(0, take));
        foreach (var position in positions)
        {
            var e = _entries[position];
            if (e.LastConfirmedOn <= confirmedAfter || !filter.Holds(e))
            {
                continue;
            }

            if (total >= skip && ids.Count < take)
            {
                ids.Add(e.Id);
            }

            total++;
        }

        return (total, ids);
    }

    private static void AddPostings(List<IReadOnlyList<int>> lists, Dictionary<string, int[]> postings, string? key)
    {
        if (key is not null)
        {
            lists.Add(postings.GetValueOrDefault(key) ?? []);
        }
    }

    /// <summary>The positions in any of <paramref name="lists"/>, once each, in order.</summary>
    private static int[] Union(IEnumerable<int[]> lists)
    {
        var all = lists.SelectMany(l => l).ToArray();
        Array.Sort(all);
        var n = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (n == 0 || all[i] != all[n - 1])
            {
                all[n++] = all[i];
            }
        }

        return all[..n];
    }

    /// <summary>For each key, the positions of the entries that have it, in order.</summary>
    private Dictionary<TKey, int[]> Postings<TKey>(Func<Entry, IEnumerable<TKey>> keys, IEqualityComparer<TKey>? comparer = null)
        where TKey : notnull =>
        _entries.SelectMany((e, position) => keys(e).Select(k => (Key: k, Position: position)))
            .GroupBy(p => p.Key, comparer)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Position).ToArray(), comparer);

    /// <summary>Reads the published services of actors not archived, their codes and areas, and the lists: six queries, no tracking.</summary>
    public static async Task<CatalogueIndex> BuildAsync(RegiekamerDb db, ReferenceDataService referenceData, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(referenceData);
        var rows = await db.Offerings.AsNoTracking().IgnoreAutoIncludes()
            .Where(o => o.Status == OfferingStatus.Published && o.Actor!.ArchivedAtUtc == null)
            .Select(o => new { o.Id, o.ActorId, o.Title, o.LastConfirmedOn, Supplier = o.Actor!.Name, Kind = o.Actor.KindCode })
            .ToListAsync(ct);
        var published = db.Offerings.Where(o => o.Status == OfferingStatus.Published).Select(o => o.Id);
        var areas = (await db.Set<OfferingArea>().AsNoTracking().Where(a => published.Contains(a.OfferingId)).Select(a => new { a.OfferingId, a.NisCode }).ToListAsync(ct))
            .ToLookup(a => a.OfferingId, a => a.NisCode);
        var cpv = Lookup(await db.Set<OfferingCpv>().AsNoTracking().Where(c => published.Contains(c.OfferingId)).Select(c => new { c.OfferingId, c.Code }).ToListAsync(ct), c => c.OfferingId, c => c.Code);
        var categories = Lookup(await db.Set<OfferingCategory>().AsNoTracking().Where(c => published.Contains(c.OfferingId)).Select(c => new { c.OfferingId, c.CategoryCode }).ToListAsync(ct), c => c.OfferingId, c => c.CategoryCode);
        var groups = Lookup(await db.Set<OfferingTargetGroup>().AsNoTracking().Where(t => published.Contains(t.OfferingId)).Select(t => new { t.OfferingId, t.Code }).ToListAsync(ct), t => t.OfferingId, t => t.Code);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = rows
            .OrderBy(r => r.Supplier, DutchOrder).ThenBy(r => r.Title, DutchOrder).ThenBy(r => r.Id)
            .Select(r => new Entry(
                r.Id, r.ActorId, kinds.TryGetValue(r.Kind, out var kind) ? kind : kinds[r.Kind] = r.Kind, r.LastConfirmedOn,
                [.. areas[r.Id].Order()], [.. cpv[r.Id].Order(StringComparer.Ordinal)], [.. categories[r.Id].Order(StringComparer.Ordinal)], [.. groups[r.Id].Order(StringComparer.Ordinal)]))
            .ToList();
        var (lists, regions) = await ListsAsync(db, referenceData, ct);
        return new CatalogueIndex(entries, lists, regions);
    }

    /// <summary>The order of the catalogue (and of the municipalities in its form): Dutch, not minding case.</summary>
    public static readonly StringComparer DutchOrder = StringComparer.Create(Formats.Dutch, ignoreCase: true);

    /// <summary>Each code string once in memory (a category code is shared by thousands of services).</summary>
    private static ILookup<int, string> Lookup<T>(List<T> rows, Func<T, int> id, Func<T, string> code)
    {
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        return rows.ToLookup(id, r =>
        {
            var c = code(r);
            return interned.TryGetValue(c, out var same) ? same : interned[c] = c;
        });
    }

    private static async Task<(CatalogueLists, IReadOnlyDictionary<string, HashSet<NisCode>>)> ListsAsync(RegiekamerDb db, ReferenceDataService referenceData, CancellationToken ct)
    {
        var municipalities = (await db.Municipalities.AsNoTracking().Where(m => m.Set == MunicipalitySet.Set2025).Select(m => new { m.NisCode, m.Name }).ToListAsync(ct))
            .OrderBy(m => m.Name, DutchOrder).Select(m => (m.NisCode, m.Name)).ToList();
        var regionNames = new List<(string, string)>();
        var members = new Dictionary<string, HashSet<NisCode>>(StringComparer.Ordinal);
        if (await referenceData.CurrentAsync(DatasetKind.ReferenceRegions, MunicipalitySet.Set2025, ct) is { } dataset)
        {
            var assignments = await db.RegionAssignments.AsNoTracking().Where(a => a.DatasetId == dataset.Id).Select(a => new { a.RegionCode, a.RegionName, a.NisCode }).ToListAsync(ct);
            regionNames = assignments.DistinctBy(a => a.RegionCode).OrderBy(a => a.RegionCode, StringComparer.Ordinal).Select(a => (a.RegionCode, a.RegionName)).ToList();
            members = assignments.GroupBy(a => a.RegionCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(a => a.NisCode).ToHashSet(), StringComparer.Ordinal);
        }

        var categories = await db.CatalogueCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(ct);
        var kinds = await db.ActorKinds.AsNoTracking().OrderBy(k => k.SortOrder).ToListAsync(ct);
        return (new CatalogueLists(municipalities, regionNames, categories, kinds), members);
    }
}

/// <summary>
/// What a search asks of the <see cref="CatalogueIndex"/>, each part checked and optional: a municipality, a reference
/// region's members, a category, an actor kind, a target group, the digits a CPV code starts with, and the ids the
/// full-text index found.
/// </summary>
public sealed record IndexFilter(
    NisCode? Municipality = null,
    IReadOnlySet<NisCode>? Region = null,
    string? Category = null,
    string? Kind = null,
    string? TargetGroup = null,
    string? CpvPrefix = null,
    IReadOnlySet<int>? TextIds = null)
{
    public bool Holds(CatalogueIndex.Entry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (Municipality is not { } m || Array.IndexOf(e.Areas, m) >= 0)
            && (Region is null || e.Areas.Any(Region.Contains))
            && (Category is null || Array.IndexOf(e.Categories, Category) >= 0)
            && (Kind is null || e.Kind == Kind)
            && (TargetGroup is null || Array.IndexOf(e.TargetGroups, TargetGroup) >= 0)
            && (CpvPrefix is null || e.CpvCodes.Any(c => Cpv.IsUnder(c, CpvPrefix)))
            && (TextIds is null || TextIds.Contains(e.Id));
    }
}

/// <summary>
/// The <see cref="CatalogueIndex"/> of each database, for as long as its versions hold: read at most once per
/// <see cref="DataVersion.Freshness"/> (a change this process saves is seen at once, another instance's within that
/// time, as for every cache here). After a change the first search builds the new index and the searches that arrive
/// meanwhile wait for that one build; a build that fails is forgotten, so the next search tries again.
/// </summary>
public sealed class CatalogueIndexCache
{
    private readonly ConcurrentDictionary<string, (long Inputs, long Catalogue, Task<CatalogueIndex> Index)> _current = new(StringComparer.Ordinal);

    public async Task<CatalogueIndex> CurrentAsync(RegiekamerDb db, ReferenceDataService referenceData, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inputs = await DataVersion.CurrentAsync(db, DataVersion.DerivedInputs, ct);
        var catalogue = await DataVersion.CurrentAsync(db, DataVersion.Catalogue, ct);
        while (true)
        {
            // An index as new as the versions read, or newer (another request read them a moment later), will do.
            if (_current.TryGetValue(db.DatabaseKey, out var held) && held.Inputs >= inputs && held.Catalogue >= catalogue)
            {
                try
                {
                    return await held.Index;
                }
                catch (Exception)
                {
                    _current.TryRemove(new KeyValuePair<string, (long, long, Task<CatalogueIndex>)>(db.DatabaseKey, held));
                    throw;
                }
            }

            // Built on this request's context, which awaits it to the end (never cancelled half-way: others wait for it).
            var build = new Task<Task<CatalogueIndex>>(() => CatalogueIndex.BuildAsync(db, referenceData, CancellationToken.None));
            var mine = (inputs, catalogue, build.Unwrap());
            if (held.Index is null ? _current.TryAdd(db.DatabaseKey, mine) : _current.TryUpdate(db.DatabaseKey, mine, held))
            {
                build.Start(TaskScheduler.Default);
            }
        }
    }
}
