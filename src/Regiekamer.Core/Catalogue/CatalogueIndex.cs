using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Catalogue;

/// <summary>
/// The public catalogue as of one version of the data (<see cref="DataVersion.Catalogue"/> and
/// <see cref="DataVersion.DerivedInputs"/>): every published service of an actor not archived as its public
/// <see cref="CatalogueEntry"/> (the consent rule applied, so a contact person without consent is not even held here),
/// in the order the catalogue shows them (supplier, title, id; Dutch, not minding case); for each municipality,
/// category, kind, target group and CPV division the positions of its services; the search form's lists and the
/// reference regions' members. Never changed after it is built, shared by every request. A search is one pass over
/// the shortest list its filters give, in memory, instead of a count and a sort over every match in the database
/// (docs/adr/0014, second addendum). The 18-month rule is applied at search time, so the index does not age with the day.
/// </summary>
public sealed class CatalogueIndex
{
    private readonly CatalogueEntry[] _entries;
    private readonly DateOnly[] _confirmed;
    private readonly Dictionary<int, int> _positionOf;
    private readonly Dictionary<NisCode, int[]> _byMunicipality;
    private readonly Dictionary<string, int[]> _byRegion;
    private readonly Dictionary<string, int[]> _byCategory;
    private readonly Dictionary<string, int[]> _byKind;
    private readonly Dictionary<string, int[]> _byTargetGroup;
    private readonly Dictionary<string, int[]> _byCpvPrefix;

    /// <summary>An index over <paramref name="entriesInOrder"/>, which are in the catalogue's order already.</summary>
    public CatalogueIndex(IEnumerable<CatalogueEntry> entriesInOrder, CatalogueLists lists, IReadOnlyDictionary<string, HashSet<NisCode>> regions)
    {
        ArgumentNullException.ThrowIfNull(entriesInOrder);
        ArgumentNullException.ThrowIfNull(regions);
        _entries = [.. entriesInOrder];
        _confirmed = _entries.Select(e => e.LastConfirmedOn).ToArray();
        _positionOf = new Dictionary<int, int>(_entries.Length);
        for (var i = 0; i < _entries.Length; i++)
        {
            _positionOf[_entries[i].Id] = i;
        }

        _byMunicipality = Postings(e => e.Municipalities, EqualityComparer<NisCode>.Default);
        _byRegion = Postings(e => regions.Where(r => e.Municipalities.Any(r.Value.Contains)).Select(r => r.Key), StringComparer.Ordinal);
        _byCategory = Postings(e => e.Categories, StringComparer.Ordinal);
        _byKind = Postings<string>(e => [e.SupplierKind], StringComparer.Ordinal);
        _byTargetGroup = Postings(e => e.TargetGroups, StringComparer.Ordinal);
        _byCpvPrefix = Postings(e => e.CpvCodes.SelectMany(Cpv.SearchPrefixesOf), StringComparer.Ordinal); // "79", "798", … "7981": what a search may ask
        Lists = lists;
        Regions = regions;
    }

    public CatalogueLists Lists { get; }

    /// <summary>The members (2025 set) of each reference region in the assignment in force.</summary>
    public IReadOnlyDictionary<string, HashSet<NisCode>> Regions { get; }

    /// <summary>
    /// The services that pass every filter given and were confirmed after <paramref name="confirmedAfter"/>: how many,
    /// and <paramref name="take"/> of them from <paramref name="skip"/> on, in the catalogue's order. Each filter is a
    /// sorted list of positions (a municipality's services, a CPV prefix's, the text's matches); the search walks the
    /// shortest and looks each position up in the others, so it costs in proportion to the fewest matches of one filter.
    /// </summary>
    public (int Total, List<CatalogueEntry> Page) Find(IndexFilter filter, DateOnly confirmedAfter, int skip, int take)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var lists = ExactLists(filter);
        if (filter.TextIds is { } textIds)
        {
            var positions = new List<int>(textIds.Count);
            foreach (var id in textIds)
            {
                if (_positionOf.TryGetValue(id, out var position))
                {
                    positions.Add(position);
                }
            }

            positions.Sort();
            lists.Add([.. positions]);
        }

        lists.Sort((a, b) => a.Length.CompareTo(b.Length));
        var walk = lists.Count > 0 ? lists[0] : null;
        var count = walk?.Length ?? _entries.Length;
        var total = 0;
        var page = new List<CatalogueEntry>(Math.Clamp(take, 0, count));
        for (var i = 0; i < count; i++)
        {
            var position = walk is null ? i : walk[i];
            if (_confirmed[position] <= confirmedAfter || !InAll(lists, position))
            {
                continue;
            }

            if (total >= skip && page.Count < take)
            {
                page.Add(_entries[position]);
            }

            total++;
        }

        return (total, page);
    }

    /// <summary>
    /// The ids of the services the narrowest filter other than the text gives, when there is one and it gives at most
    /// <paramref name="limit"/>: a full-text search needs to look only among those (PostgreSQL reads a broad word's
    /// matches by scanning the table; among a municipality's services it reads a few rows by key).
    /// </summary>
    public IReadOnlyList<int>? NarrowestIds(IndexFilter filter, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var narrowest = ExactLists(filter).MinBy(l => l.Length);
        return narrowest is null || narrowest.Length > limit ? null : narrowest.Select(p => _entries[p].Id).ToList();
    }

    /// <summary>The positions each filter but the text gives.</summary>
    private List<int[]> ExactLists(IndexFilter filter)
    {
        var lists = new List<int[]>();
        if (filter.Municipality is { } municipality)
        {
            lists.Add(_byMunicipality.GetValueOrDefault(municipality) ?? []);
        }

        Add(lists, _byRegion, filter.Region);
        Add(lists, _byCategory, filter.Category);
        Add(lists, _byKind, filter.Kind);
        Add(lists, _byTargetGroup, filter.TargetGroup);
        Add(lists, _byCpvPrefix, filter.CpvPrefix);
        return lists;
    }

    private static bool InAll(List<int[]> lists, int position)
    {
        for (var l = 1; l < lists.Count; l++)
        {
            if (Array.BinarySearch(lists[l], position) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void Add(List<int[]> lists, Dictionary<string, int[]> postings, string? key)
    {
        if (key is not null)
        {
            lists.Add(postings.GetValueOrDefault(key) ?? []);
        }
    }

    /// <summary>For each key, the positions of the entries that have it, ascending (the entries are walked in order).</summary>
    private Dictionary<TKey, int[]> Postings<TKey>(Func<CatalogueEntry, IEnumerable<TKey>> keys, IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        var postings = new Dictionary<TKey, List<int>>(comparer);
        for (var i = 0; i < _entries.Length; i++)
        {
            foreach (var key in keys(_entries[i]).Distinct(comparer))
            {
                if (!postings.TryGetValue(key, out var list))
                {
                    postings[key] = list = [];
                }

                list.Add(i);
            }
        }

        return postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), comparer);
    }

    /// <summary>Reads the published services of actors not archived with their suppliers, codes and areas, and the lists: ten queries, no tracking.</summary>
    public static async Task<CatalogueIndex> BuildAsync(RegiekamerDb db, ReferenceDataService referenceData, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(referenceData);
        var rows = await db.Offerings.AsNoTracking().IgnoreAutoIncludes()
            .Where(o => o.Status == OfferingStatus.Published && o.Actor!.ArchivedAtUtc == null)
            .Select(o => new { o.Id, o.ActorId, o.Title, o.Description, o.LastConfirmedOn, o.ContactConsent, o.ContactName, o.ContactEmail, o.ContactPhone })
            .ToListAsync(ct);
        var actors = await db.Actors.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.ArchivedAtUtc == null)
            .Select(a => new { a.Id, a.Name, a.KindCode, a.Website, a.Email, a.Phone, a.MunicipalityNisCode })
            .ToDictionaryAsync(a => a.Id, ct);
        var published = db.Offerings.Where(o => o.Status == OfferingStatus.Published).Select(o => o.Id);
        var areas = (await db.Set<OfferingArea>().AsNoTracking().Where(a => published.Contains(a.OfferingId)).Select(a => new { a.OfferingId, a.NisCode }).ToListAsync(ct))
            .ToLookup(a => a.OfferingId, a => a.NisCode);
        var cpv = Lookup(await db.Set<OfferingCpv>().AsNoTracking().Where(c => published.Contains(c.OfferingId)).Select(c => new { c.OfferingId, c.Code }).ToListAsync(ct), c => c.OfferingId, c => c.Code);
        var categories = Lookup(await db.Set<OfferingCategory>().AsNoTracking().Where(c => published.Contains(c.OfferingId)).Select(c => new { c.OfferingId, c.CategoryCode }).ToListAsync(ct), c => c.OfferingId, c => c.CategoryCode);
        var groups = Lookup(await db.Set<OfferingTargetGroup>().AsNoTracking().Where(t => published.Contains(t.OfferingId)).Select(t => new { t.OfferingId, t.Code }).ToListAsync(ct), t => t.OfferingId, t => t.Code);
        var entries = rows
            .Where(r => actors.ContainsKey(r.ActorId)) // an actor archived between the two reads
            .Select(r =>
            {
                var a = actors[r.ActorId];
                var (name, email, phone) = CatalogueSearch.PublicContact(r.ContactConsent, r.ContactName, r.ContactEmail, r.ContactPhone, a.Email, a.Phone);
                return new CatalogueEntry(
                    r.Id, r.Title, r.Description, r.ActorId, a.Name, a.KindCode, a.Website,
                    [.. categories[r.Id].Order(StringComparer.Ordinal)], [.. cpv[r.Id].Order(StringComparer.Ordinal)], [.. areas[r.Id].Order()], [.. groups[r.Id].Order(StringComparer.Ordinal)],
                    name, email, phone, r.LastConfirmedOn, a.MunicipalityNisCode);
            })
            .OrderBy(e => e.Supplier, DutchOrder).ThenBy(e => e.Title, DutchOrder).ThenBy(e => e.Id)
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

    /// <summary>The search form's lists and the reference regions' members, as stored now.</summary>
    internal static async Task<(CatalogueLists Lists, IReadOnlyDictionary<string, HashSet<NisCode>> Regions)> ListsAsync(RegiekamerDb db, ReferenceDataService referenceData, CancellationToken ct)
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
/// region (known to the index), a category, an actor kind, a target group, the digits a CPV code starts with
/// (<see cref="Cpv.SearchPrefix"/>), and the ids the full-text index found.
/// </summary>
public sealed record IndexFilter(
    NisCode? Municipality = null,
    string? Region = null,
    string? Category = null,
    string? Kind = null,
    string? TargetGroup = null,
    string? CpvPrefix = null,
    IReadOnlySet<int>? TextIds = null)
{
    /// <summary>Whether <paramref name="e"/> passes, checked on the entry itself (what the index's lists must agree with).</summary>
    public bool Holds(CatalogueEntry e, IReadOnlyDictionary<string, HashSet<NisCode>> regions)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(regions);
        return (Municipality is not { } m || e.Municipalities.Contains(m))
            && (Region is null || (regions.TryGetValue(Region, out var members) && e.Municipalities.Any(members.Contains)))
            && (Category is null || e.Categories.Contains(Category))
            && (Kind is null || e.SupplierKind == Kind)
            && (TargetGroup is null || e.TargetGroups.Contains(TargetGroup))
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
