using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Imports;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Data;

/// <summary>
/// Loads the shipped reference data and the seeded call; optionally the demo partnerships. Idempotent. Like any other
/// change, each seeded dataset, the call and each demo partnership gets its audit record, so their histories start at
/// their creation; the actor is <see cref="Actor.System"/> unless the caller names one (the CLI names its operator).
/// </summary>
public sealed class DatabaseSeeder(RegiekamerDb db, TimeProvider time, Actor? actor = null)
{
    private readonly AuditTrail _audit = new(db, new CurrentActor { Actor = actor ?? Actor.System }, time);

    public const string ScheldelandSource = "Seed 004: jaarverslag 2016 Interlokale Vereniging Sociale Economie Scheldeland (Hamme, Laarne, Wetteren, Wichelen, Zele)";

    /// <summary>What the audit record of a seeded dataset names as its file.</summary>
    public const string ShippedFile = "meegeleverd met Regiekamer (shipped)";

    private static readonly string[] ScheldelandMembers = ["Hamme", "Laarne", "Wetteren", "Wichelen", "Zele"];

    /// <summary>An empty database gets the shipped reference data and the 2023-2025 call; one that has reference data is left alone (see <see cref="AddMissingShippedDataAsync"/>).</summary>
    public async Task SeedReferenceDataAsync(CancellationToken ct = default)
    {
        if (await db.Datasets.AnyAsync(ct))
        {
            return;
        }

        var shipped = ShippedReferenceData.Current;
        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Municipalities.AddRange(shipped.Municipalities2019.Select(Copy));
        db.Municipalities.AddRange(shipped.Municipalities2025.Select(Copy));
        db.ReferenceRegions.AddRange(shipped.Regions.Select(r => new ReferenceRegion { Code = r.Code, Name = r.Name, ProvinceNis = r.ProvinceNis, ProvinceName = r.ProvinceName }));
        ReferenceDataset? callRegions = null;
        ReferenceDataset? callJobSeekers = null;
        foreach (var d in shipped.Datasets)
        {
            var entity = await AddAsync(d, now, ct);
            if (d.Kind == DatasetKind.ReferenceRegions && d.Set == MunicipalitySet.Set2019 && callRegions is null)
            {
                callRegions = entity;
            }

            if (IsCallJobSeekers(d))
            {
                callJobSeekers = entity;
            }
        }

        var call = OpenCall2023.Create(callRegions!.Id, callJobSeekers!.Id, now);
        db.Calls.Add(call);
        await db.SaveChangesAsync(ct);
        _audit.Record(new CallCreated(call.Id, CallVersionSnapshot.Of(call.Versions.Single())));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The audit trail's action when the seeder gives an existing call version the job-seeker figures it had no choice of.</summary>
    public const string JobSeekersAssigned = CallActions.JobSeekersAssigned;

    /// <summary>
    /// Brings a database seeded by an earlier Regiekamer up to the shipped reference data: adds each shipped dataset it
    /// lacks (the VDAB job-seeker figures), with its audit record, and gives the versions of the 2023-2025 call that
    /// name no job-seeker figures the call's choice (<see cref="OpenCall2023.JobSeekerSeries"/>: VDAB year average
    /// 2022, Regiekamer's assumption), each with an audit record on the call. Idempotent; an empty database is left to
    /// <see cref="SeedReferenceDataAsync"/>. Run by <c>regiekamer db migrate</c> and the web app's start where it migrates.
    /// </summary>
    /// <returns>How many datasets were added.</returns>
    public async Task<int> AddMissingShippedDataAsync(CancellationToken ct = default)
    {
        if (!await db.Datasets.AnyAsync(ct))
        {
            return 0;
        }

        var shipped = ShippedReferenceData.Current;
        var existing = await db.Datasets.AsNoTracking().ToListAsync(ct);
        var missing = shipped.Datasets.Where(d => !existing.Any(d.Is)).ToList();
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Code == OpenCall2023.Code, ct);
        var unassigned = call?.Versions.Where(v => v.JobSeekersDatasetId is null).OrderBy(v => v.Number).ToList() ?? [];
        if (missing.Count == 0 && unassigned.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var d in missing)
        {
            await AddAsync(d, now, ct);
        }

        await db.SaveChangesAsync(ct);
        if (unassigned.Count > 0)
        {
            var callShipped = shipped.JobSeekers(OpenCall2023.JobSeekerSeries, OpenCall2023.JobSeekerYear)!;
            var jobSeekers = (await db.Datasets.AsNoTracking().ToListAsync(ct)).First(callShipped.Is);
            foreach (var version in unassigned)
            {
                version.JobSeekersDatasetId = jobSeekers.Id;
                _audit.Record(new CallJobSeekersAssigned(
                    call!.Id,
                    new CallJobSeekerChoice(version.Number, null),
                    new CallJobSeekerChoice(version.Number, version.JobSeekersDatasetId, OpenCall2023.JobSeekerNote)));
            }

            db.Entry(call!).State = EntityState.Modified; // bumps Call.Version (RegiekamerDb.PrepareChanges)
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return missing.Count;
    }

    private static bool IsCallJobSeekers(ShippedDataset d) =>
        d.Kind == DatasetKind.JobSeekers && d.Series == OpenCall2023.JobSeekerSeries && d.Year == OpenCall2023.JobSeekerYear;

    /// <summary>One shipped dataset with its audit record; its figures and assignments go with the next save.</summary>
    private async Task<ReferenceDataset> AddAsync(ShippedDataset d, DateTime now, CancellationToken ct)
    {
        var entity = d.ToEntity(now);
        db.Datasets.Add(entity);
        await db.SaveChangesAsync(ct);
        _audit.Record(new DatasetImported(entity.Id, DatasetSnapshot.Of(entity, ShippedFile)));
        db.RegionAssignments.AddRange(d.Assignments.Select(a => new RegionAssignment { DatasetId = entity.Id, NisCode = a.NisCode, RegionCode = a.RegionCode, RegionName = a.RegionName }));
        db.Figures.AddRange(d.Figures.Select(f => new MunicipalityFigure { DatasetId = entity.Id, NisCode = f.NisCode, Value = f.Value }));
        return entity;
    }

    /// <summary>The partnerships with a publicly known composition, plus Scheldeland, marked as demo data.</summary>
    public async Task SeedDemoAsync(CancellationToken ct = default)
    {
        if (await db.Partnerships.AnyAsync(ct))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var snapshot = ReferenceSnapshot.FromShipped();
        foreach (var known in ShippedReferenceData.Current.KnownCompositions.Where(k => k.Members.Count > 0))
        {
            db.Partnerships.Add(Demo(known.Name, known.Members, snapshot, now, $"{known.SourceUrl} ({known.PeriodEvidence}). {known.Notes}"));
        }

        var scheldeland = ScheldelandMembers.Select(n => snapshot.Find(n)!.NisCode).ToList();
        db.Partnerships.Add(Demo("Interlokale Vereniging Sociale Economie Scheldeland", scheldeland, snapshot, now, ScheldelandSource));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var p in db.Partnerships.Local.OrderBy(p => p.Id))
        {
            _audit.Record(new PartnershipCreated(p.Id, PartnershipSnapshot.Of(p)));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Fictitious "Demo …" actors for the first demo partnerships (<see cref="Actors.DemoActors"/>), once; how many were added.</summary>
    public Task<int> SeedDemoActorsAsync(CancellationToken ct = default) => Actors.DemoActors.SeedAsync(db, _audit, time.GetUtcNow().UtcDateTime, ct);

    /// <summary>The demo's draft voucher scheme over the demo actors (<see cref="Vouchers.DemoVouchers"/>), once; 0 when it added nothing.</summary>
    public Task<int> SeedDemoVouchersAsync(CancellationToken ct = default) => Vouchers.DemoVouchers.SeedAsync(db, _audit, time.GetUtcNow().UtcDateTime, ct);

    /// <summary>
    /// The demo's grant cycle over the demo partnerships (<see cref="DemoGrantCycle"/>): only on a database with demo
    /// partnerships and the demo department accounts, once (null when it added nothing).
    /// </summary>
    /// <param name="database">This database's options: the cycle runs the real services on it, on the demo's own clock.</param>
    /// <param name="configure">Registrations the caller adds to those services (the app's notification settings).</param>
    public async Task<DemoGrantCycleSummary?> SeedDemoGrantCycleAsync(DatabaseOptions database, Action<IServiceCollection>? configure = null, CancellationToken ct = default)
    {
        if (!await db.Partnerships.AnyAsync(p => p.IsDemo, ct))
        {
            return null;
        }

        return await DemoGrantCycle.SeedAsync(database, configure, ct);
    }

    private static Partnership Demo(string name, IReadOnlyList<NisCode> members, ReferenceSnapshot snapshot, DateTime now, string source)
    {
        var (kind, kindNote) = GuessKind(name, members, snapshot);
        NisCode? managing = null;
        var managingNote = "";
        if (kind == PartnershipKind.InterlocalAssociation)
        {
            var named = members.Select(m => snapshot.Find(m)!).FirstOrDefault(m => source.Contains("Beherende gemeente: " + m.Name, StringComparison.Ordinal) || source.Contains("Stad en Sociaal Huis " + m.Name, StringComparison.Ordinal));
            if (named is not null)
            {
                managing = named.NisCode;
            }
            else
            {
                managing = members.OrderByDescending(m => snapshot.Inhabitants(m) ?? 0).First();
                managingNote = $" Beherende gemeente aangenomen (grootste lid: {snapshot.Find(managing.Value)!.Name}).";
            }
        }

        return new Partnership
        {
            Name = name,
            Kind = kind,
            Status = PartnershipStatus.Existing,
            MunicipalitySet = MunicipalitySet.Set2019,
            ManagingNisCode = managing,
            IsDemo = true,
            DemoSource = Truncate($"Demogegevens, geen officiële samenstelling. Bron: {source}{kindNote}{managingNote}", 500),
            Members = members.Distinct().Select(m => new PartnershipMember { NisCode = m }).ToList(),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
    }

    private static (PartnershipKind, string) GuessKind(string name, IReadOnlyList<NisCode> members, ReferenceSnapshot snapshot)
    {
        if (members.Count == 1 && snapshot.Find(members[0])!.IsCentralCity)
        {
            return (PartnershipKind.CentralCity, "");
        }

        if (name.StartsWith("Projectvereniging", StringComparison.OrdinalIgnoreCase))
        {
            return (PartnershipKind.ProjectAssociation, "");
        }

        if (name.Contains("Interlokale", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ILV", StringComparison.Ordinal))
        {
            return (PartnershipKind.InterlocalAssociation, "");
        }

        return (PartnershipKind.InterlocalAssociation, " Rechtsvorm aangenomen (interlokale vereniging).");
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static Municipality Copy(Municipality m) => new()
    {
        Set = m.Set,
        NisCode = m.NisCode,
        Name = m.Name,
        ArrondissementNis = m.ArrondissementNis,
        ArrondissementName = m.ArrondissementName,
        ProvinceNis = m.ProvinceNis,
        ProvinceName = m.ProvinceName,
        IsCentralCity = m.IsCentralCity,
        SuccessorNisCode = m.SuccessorNisCode,
        Merged2025 = m.Merged2025,
    };
}
