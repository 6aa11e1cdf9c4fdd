using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Kbo;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Kbo;

public sealed class KboImportTests : IDisposable
{
    private static readonly string Alpha = KboExtractBuilder.Number(2_070_000);
    private static readonly string Beta = KboExtractBuilder.Number(4_123_456);
    private static readonly string Gamma = KboExtractBuilder.Number(8_765_432);
    private static readonly string Delta = KboExtractBuilder.Number(5_550_001);
    private static readonly string Person = KboExtractBuilder.Number(6_111_111);

    private readonly string _folder = Directory.CreateTempSubdirectory("kbo-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Three enterprises and a sole trader, with what the importer must skip beside what it keeps.</summary>
    private static KboExtractBuilder Full(int number = 140) => new KboExtractBuilder(number).WithCodes()
        .Company(Alpha, "Maatwerk De Schakel", "Gent", "9000")
        .Denomination(Alpha, "Atelier Le Maillon", language: "1")
        .Denomination(Alpha, "MDS", type: "002")
        .Address(Alpha, "9000", "Gent", "Oude Straat", "1", dateStrikingOff: "01-02-2020")
        .Address(Alpha, "9050", "Gentbrugge", "Werkhuisstraat", "7", type: "BAET")
        .Activity(Alpha, "81300", classification: "SECO")
        .Activity(Alpha, "88995", version: "2025")
        .Activity(Alpha, "88995", version: "2003")
        .Activity("2.123.456.789", "81300")
        .Denomination("2.123.456.789", "Vestiging Gentbrugge")
        .Company(Beta, "Groen Werkt", "Brugge", "8000", nace: "81300", juridicalForm: "017")
        .Enterprise(Gamma, status: "ST", juridicalForm: "610").Denomination(Gamma, "Oude Kringwinkel", language: "1")
        .Enterprise(Person, type: "1", juridicalForm: "").Denomination(Person, "Jan Peeters");

    private static async Task<Result<KboSnapshot>> ImportAsync(TestDatabase database, string path, List<KboImportProgress>? progress = null)
    {
        await using var scope = database.NewScope();
        scope.ServiceProvider.GetRequiredService<Regiekamer.Core.Accounts.CurrentActor>().Actor = Regiekamer.Core.Accounts.Actor.Cli("tester");
        return await scope.ServiceProvider.GetRequiredService<KboImportService>().ImportAsync(path, progress is null ? null : new Collect(progress));
    }

    private static async Task<T> WithKboAsync<T>(TestDatabase database, Func<KboService, Task<T>> use)
    {
        await using var scope = database.NewScope();
        return await use(scope.ServiceProvider.GetRequiredService<KboService>());
    }

    private static async Task<KboEnterpriseInfo?> FindAsync(TestDatabase database, string number) =>
        await WithKboAsync(database, async kbo => (await kbo.FindAsync(KboNumber.Parse(number))).Value);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_FullZip_KeepsWhatRegiekamerNeeds_AndLooksItUp(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var progress = new List<KboImportProgress>();

        var result = await ImportAsync(database, Full().WriteZip(Path.Combine(_folder, "KboOpenData_0140_2026_11_Full.zip")), progress);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        var snapshot = result.Value!;
        Assert.Equal((KboSnapshotStatus.InForce, KboExtractType.Full, 140, new DateOnly(2026, 11, 1)), (snapshot.Status, snapshot.ExtractType, snapshot.ExtractNumber, snapshot.SnapshotDate));
        // 4 enterprises; names of type 001 of enterprises (Alpha twice); one live REGO each for Alpha and Beta; MAIN 2008/2025 of enterprises; NL labels.
        Assert.Equal((4, 5, 2, 3, 6), (snapshot.Enterprises, snapshot.Denominations, snapshot.Addresses, snapshot.Activities, snapshot.Codes));
        Assert.Equal("KboOpenData_0140_2026_11_Full.zip", snapshot.Source);
        Assert.Equal("cli:tester", snapshot.RequestedBy);

        var alpha = await FindAsync(database, Alpha);
        Assert.NotNull(alpha);
        Assert.Equal("Maatwerk De Schakel", alpha.Name);
        Assert.True(alpha.Active);
        Assert.False(alpha.NaturalPerson);
        Assert.Equal(new KboLabelled("014", "Naamloze vennootschap"), alpha.JuridicalForm);
        Assert.Equal(new KboOffice("Stationsstraat", "12", "B", "9000", "Gent", null), alpha.RegisteredOffice);
        Assert.Equal([new KboNace(2025, "88995", "Maatwerkbedrijven"), new KboNace(2008, "88995", "Beschutte en sociale werkplaatsen")], alpha.Nace);
        Assert.Equal(new DateOnly(2026, 11, 1), alpha.SnapshotDate);

        var gamma = await FindAsync(database, Gamma);
        Assert.Equal(("Oude Kringwinkel", false, "Besloten vennootschap", null), (gamma!.Name, gamma.Active, gamma.JuridicalForm!.Label, gamma.RegisteredOffice));

        // Progress: every file, in the order read, ending with its full count.
        Assert.Equal(["code.csv", "enterprise.csv", "denomination.csv", "address.csv", "activity.csv"], progress.Select(p => p.File).Distinct());
        Assert.Equal(4, progress.Last(p => p.File == "enterprise.csv").RowsRead);

        await using var db = database.NewDb();
        var audit = await db.AuditRecords.AsNoTracking().Where(a => a.EntityType == KboImportService.AuditEntity).SingleAsync();
        Assert.Equal((KboActions.PutInForce, snapshot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.Action, audit.EntityId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Status_TellsUnknownStoppedNaturalPersonAndActive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var none = await WithKboAsync(database, kbo => kbo.StatusAsync(KboNumber.Parse(Alpha)));
        Assert.Equal(KboStanding.NoExtract, none.Standing);

        Assert.True((await ImportAsync(database, Full().WriteFolder(Path.Combine(_folder, "extract")))).IsSuccess);

        foreach (var (number, standing, flagged) in new[] { (Alpha, KboStanding.Active, false), (Gamma, KboStanding.Stopped, true), (Person, KboStanding.NaturalPerson, true), (Delta, KboStanding.Unknown, true) })
        {
            var status = await WithKboAsync(database, kbo => kbo.StatusAsync(KboNumber.Parse(number)));
            Assert.Equal((standing, flagged, new DateOnly(2026, 11, 1)), (status.Standing, status.Flagged, status.SnapshotDate));
            Assert.Contains("01/11/2026", status.Text.Nl, StringComparison.Ordinal);
        }

        var unknown = await WithKboAsync(database, kbo => kbo.FindAsync(KboNumber.Parse(Delta)));
        Assert.Equal(ErrorKind.NotFound, Assert.Single(unknown.Errors).Kind);
    }

    public static TheoryData<DatabaseProvider, string> Damages()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            foreach (var damage in new[] { "bad-number", "bad-type", "field-count", "stray-quote", "missing-column", "missing-file", "truncated-zip", "bad-meta", "duplicate" })
            {
                data.Add(provider, damage);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task Import_DamagedExtract_IsRefusedWithFileAndLine_AndThePreviousStaysInForce(DatabaseProvider provider, string damage)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = await ImportAsync(database, Full().WriteZip(Path.Combine(_folder, "first.zip")));
        Assert.True(first.IsSuccess);

        var next = new KboExtractBuilder(141).WithCodes().Company(Alpha, "Nieuwe Naam").Company(Delta, "Delta").Company(Beta, "Groen Werkt");
        var zip = Path.Combine(_folder, "next.zip");
        var (path, expected) = damage switch
        {
            "bad-number" => (next.ReplaceLine("enterprise.csv", 3, "\"0207.000.078\",\"AC\",\"000\",\"2\",\"014\",,01-01-2001").WriteZip(zip), new[] { "enterprise.csv, line 3", "0207.000.078", "check" }),
            "bad-type" => (next.ReplaceLine("enterprise.csv", 2, $"\"{Alpha}\",\"AC\",\"000\",\"7\",\"014\",,01-01-2001").WriteZip(zip), ["enterprise.csv, line 2", "TypeOfEnterprise '7'"]),
            "field-count" => (next.ReplaceLine("activity.csv", 3, $"\"{Delta}\",\"003\",\"2008\"").WriteZip(zip), ["activity.csv, line 3", "3 fields", "5"]),
            "stray-quote" => (next.ReplaceLine("denomination.csv", 4, $"\"{Beta}\",\"2\",\"001\",\"Groen \"Werkt").WriteZip(zip), ["denomination.csv, line 4"]),
            "missing-column" => (next.Header("address.csv", KboExtractBuilder.AddressHeader.Replace("\"Zipcode\",", "", StringComparison.Ordinal)).WriteZip(zip), ["address.csv, line 1", "'Zipcode'"]),
            "missing-file" => (next.Omit("denomination.csv").WriteZip(zip), ["denomination.csv", "missing", "next.zip"]),
            "truncated-zip" => (next.WriteTruncatedZip(zip, 0.6), ["next.zip", "not a complete ZIP"]),
            "bad-meta" => (next.ReplaceLine("meta.csv", 2, "\"SnapshotDate\",\"2026-12-01\"").WriteZip(zip), ["meta.csv, line 2", "SnapshotDate"]),
            _ => (next.Enterprise(Alpha).WriteZip(zip), ["enterprise.csv", "duplicate"]),
        };

        var result = await ImportAsync(database, path);

        var error = Assert.Single(result.Errors);
        foreach (var part in expected)
        {
            Assert.Contains(part, error.Message.En, StringComparison.Ordinal);
        }

        Assert.Contains(expected[0].Replace("line", "regel", StringComparison.Ordinal).Split(',')[0], error.Message.Nl, StringComparison.Ordinal);
        var inForce = await WithKboAsync(database, kbo => kbo.InForceAsync());
        Assert.Equal((first.Value!.Id, 140), (inForce!.Id, inForce.ExtractNumber));
        Assert.Equal("Maatwerk De Schakel", (await FindAsync(database, Alpha))!.Name);
        Assert.Null(await FindAsync(database, Delta));

        await using var db = database.NewDb();
        var refused = await db.KboSnapshots.AsNoTracking().OrderBy(s => s.Id).LastAsync();
        Assert.Equal(KboSnapshotStatus.Refused, refused.Status);
        Assert.Equal(error.Message.En, refused.ErrorEn);
        Assert.Equal(0, await db.KboEnterprises.CountAsync(e => e.SnapshotId == refused.Id));
        Assert.Equal(0, await db.KboDenominations.CountAsync(e => e.SnapshotId == refused.Id));
        Assert.Equal(0, await db.KboCodes.CountAsync(e => e.SnapshotId == refused.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_ReplacesTheRowsOfTheNumbersItTouches_AndDeletesTheOldExtractsRows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var full = await ImportAsync(database, Full().WriteZip(Path.Combine(_folder, "full.zip")));
        Assert.True(full.IsSuccess);

        var update = new KboExtractBuilder(141, "update", new DateOnly(2026, 12, 1))
            .Delete("enterprise", Beta).Delete("denomination", Beta).Delete("address", Beta).Delete("activity", Beta)
            .Enterprise(Beta, juridicalForm: "610").Denomination(Beta, "Groen Werkt Samen").Address(Beta, "8200", "Sint-Andries", "Nieuwe Weg", "3").Activity(Beta, "88995")
            .Delete("enterprise", Gamma).Delete("denomination", Gamma)
            .Company(Delta, "Delta Diensten", "Leuven", "3000");

        var result = await ImportAsync(database, update.WriteFolder(Path.Combine(_folder, "update")));

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors.Select(e => e.Message.En)));
        Assert.Equal((KboExtractType.Update, 141, new DateOnly(2026, 12, 1), 4), (result.Value!.ExtractType, result.Value.ExtractNumber, result.Value.SnapshotDate, result.Value.Enterprises));
        var beta = await FindAsync(database, Beta);
        Assert.Equal(("Groen Werkt Samen", "610", "Sint-Andries", "88995"), (beta!.Name, beta.JuridicalForm!.Code, beta.RegisteredOffice!.Municipality, Assert.Single(beta.Nace).Code));
        Assert.Null(await FindAsync(database, Gamma));
        Assert.Equal("Delta Diensten", (await FindAsync(database, Delta))!.Name);
        var alpha = await FindAsync(database, Alpha);
        Assert.Equal(("Maatwerk De Schakel", 2, new DateOnly(2026, 12, 1)), (alpha!.Name, alpha.Nace.Count, alpha.SnapshotDate));
        Assert.Equal("Naamloze vennootschap", alpha.JuridicalForm!.Label);

        await using var db = database.NewDb();
        Assert.Equal(KboSnapshotStatus.Superseded, (await db.KboSnapshots.AsNoTracking().SingleAsync(s => s.Id == full.Value!.Id)).Status);
        Assert.Equal(0, await db.KboEnterprises.CountAsync(e => e.SnapshotId == full.Value!.Id));
        Assert.Equal(0, await db.KboDenominations.CountAsync(e => e.SnapshotId == full.Value!.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_OutOfOrder_IsRefused_AndTheExtractInForceStays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var early = await ImportAsync(database, new KboExtractBuilder(141, "update").Company(Delta, "Delta").WriteZip(Path.Combine(_folder, "early.zip")));
        Assert.Contains("no full extract is in force", Assert.Single(early.Errors).Message.En, StringComparison.Ordinal);

        Assert.True((await ImportAsync(database, Full(140).WriteZip(Path.Combine(_folder, "full.zip")))).IsSuccess);
        var skipped = await ImportAsync(database, new KboExtractBuilder(142, "update").Company(Delta, "Delta").WriteZip(Path.Combine(_folder, "skipped.zip")));
        var older = await ImportAsync(database, Full(139).WriteZip(Path.Combine(_folder, "older.zip")));

        var error = Assert.Single(skipped.Errors);
        Assert.Equal(("kbo-order", ErrorKind.Conflict), (error.Code, error.Kind));
        Assert.Contains("Update extract 142 does not follow extract 140 in force (expected 141)", error.Message.En, StringComparison.Ordinal);
        Assert.Contains("Full extract 139 is older than extract 140", Assert.Single(older.Errors).Message.En, StringComparison.Ordinal);
        Assert.Null(await FindAsync(database, Delta));
        Assert.Equal(140, (await WithKboAsync(database, kbo => kbo.InForceAsync()))!.ExtractNumber);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Update_MissingInsertFile_IsRefusedNamingIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True((await ImportAsync(database, Full(140).WriteZip(Path.Combine(_folder, "full.zip")))).IsSuccess);

        var result = await ImportAsync(database, new KboExtractBuilder(141, "update").Company(Delta, "Delta").Omit("address_insert.csv").WriteZip(Path.Combine(_folder, "update.zip")));

        Assert.Contains("address_insert.csv", Assert.Single(result.Errors).Message.En, StringComparison.Ordinal);
        Assert.Equal(140, (await WithKboAsync(database, kbo => kbo.InForceAsync()))!.ExtractNumber);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Queue_ThenRunQueued_RunsOnce_AndDeletesTheUpload(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var upload = Full().WriteZip(Path.Combine(_folder, "upload.zip"));
        await using (var scope = database.NewScope())
        {
            var queued = await scope.ServiceProvider.GetRequiredService<KboImportService>().QueueAsync(upload, "KboOpenData_0140.zip");
            Assert.Equal(KboSnapshotStatus.Queued, queued.Value!.Status);
            var again = await scope.ServiceProvider.GetRequiredService<KboImportService>().QueueAsync(upload, "again.zip");
            Assert.Equal("kbo-busy", Assert.Single(again.Errors).Code);
        }

        // Two runners at once (two app instances): one claims the import, the other finds nothing to do.
        async Task<Result<KboSnapshot>?> RunAsync()
        {
            await using var scope = database.NewScope();
            return await scope.ServiceProvider.GetRequiredService<KboImportService>().RunQueuedAsync();
        }

        var runs = await Task.WhenAll(RunAsync(), RunAsync());

        var ran = Assert.Single(runs, r => r is not null);
        Assert.True(ran!.IsSuccess, string.Join("; ", ran.Errors.Select(e => e.Message.En)));
        Assert.False(File.Exists(upload));
        Assert.Equal("Maatwerk De Schakel", (await FindAsync(database, Alpha))!.Name);
        Assert.Null(await RunAsync());
    }

    private sealed class Collect(List<KboImportProgress> list) : IProgress<KboImportProgress>
    {
        public void Report(KboImportProgress value) => list.Add(value);
    }
}
