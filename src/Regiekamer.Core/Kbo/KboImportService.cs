using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Kbo;

/// <summary>How far an import is: the file being read, its records read so far and at what speed.</summary>
public sealed record KboImportProgress(string File, long RowsRead, int RowsPerSecond, TimeSpan Elapsed);

/// <summary>
/// Imports a KBO Open Data extract (a ZIP or a folder; ADR 0012). It streams every file once, keeps what Regiekamer
/// needs, and writes it in bulk beside the extract in force, tagged with a new <see cref="KboSnapshot"/>; only when every
/// file has been read does one transaction put the new snapshot in force (and record it in the audit trail). A damaged
/// file, an extract out of order or a cancellation leaves the extract in force as it was, and names the file and line.
/// </summary>
public sealed class KboImportService(RegiekamerDb db, DatabaseOptions database, AuditTrail audit, CurrentActor actor, TimeProvider time)
{
    public const string AuditEntity = "KboSnapshot";

    /// <summary>How often (records) progress is reported and saved.</summary>
    public const int ProgressEvery = 50_000;

    /// <summary>A load that has run this long without ending died with its process: it is refused before the next starts.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromHours(12);

    internal const string Meta = "meta.csv";
    internal const string Code = "code.csv";
    internal const string Enterprise = "enterprise.csv";
    internal const string Denomination = "denomination.csv";
    internal const string Address = "address.csv";
    internal const string Activity = "activity.csv";

    /// <summary>Imports now (the command line): the result is the snapshot in force, or the errors with file and line.</summary>
    public async Task<Result<KboSnapshot>> ImportAsync(string path, IProgress<KboImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        await RefuseAbandonedAsync(ct);
        if (await db.KboSnapshots.AnyAsync(s => s.Status == KboSnapshotStatus.Loading, ct))
        {
            return Result<KboSnapshot>.Fail(Busy);
        }

        var snapshot = KboSnapshot.Request(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), actor.Actor.Name, Now, null, KboSnapshotStatus.Loading);
        snapshot.StartedAtUtc = Now;
        db.KboSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        return await RunAsync(snapshot, path, progress, ct);
    }

    /// <summary>An uploaded extract waits for <see cref="RunQueuedAsync"/> (the background job).</summary>
    public async Task<Result<KboSnapshot>> QueueAsync(string uploadPath, string source, CancellationToken ct = default)
    {
        if (await db.KboSnapshots.AnyAsync(s => s.Status == KboSnapshotStatus.Queued || s.Status == KboSnapshotStatus.Loading, ct))
        {
            return Result<KboSnapshot>.Fail(Busy);
        }

        var snapshot = KboSnapshot.Request(source, actor.Actor.Name, Now, uploadPath, KboSnapshotStatus.Queued);
        db.KboSnapshots.Add(snapshot);
        await db.SaveChangesAsync(ct);
        return Result<KboSnapshot>.Ok(snapshot);
    }

    /// <summary>
    /// Runs the oldest queued import, if any. The row is claimed by a conditional update, so with several app instances
    /// (or two firings) only one runs it.
    /// </summary>
    public async Task<Result<KboSnapshot>?> RunQueuedAsync(CancellationToken ct = default)
    {
        await RefuseAbandonedAsync(ct);
        var next = await db.KboSnapshots.AsNoTracking().Where(s => s.Status == KboSnapshotStatus.Queued).OrderBy(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(ct);
        if (next == 0)
        {
            return null;
        }

        var now = Now;
        var claimed = await db.KboSnapshots.Where(s => s.Id == next && s.Status == KboSnapshotStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, KboSnapshotStatus.Loading).SetProperty(s => s.StartedAtUtc, now), ct);
        if (claimed == 0)
        {
            return null;
        }

        var snapshot = await db.KboSnapshots.SingleAsync(s => s.Id == next, ct);
        var path = snapshot.UploadPath!;
        try
        {
            return await RunAsync(snapshot, path, null, ct);
        }
        finally
        {
            TryDelete(path);
            snapshot.UploadPath = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static DomainError Busy => DomainError.Conflict(
        "kbo-busy",
        "Er loopt al een KBO-import; wacht tot die klaar is.",
        "A KBO import is already running; wait until it has finished.");

    private async Task<Result<KboSnapshot>> RunAsync(KboSnapshot snapshot, string path, IProgress<KboImportProgress>? progress, CancellationToken ct)
    {
        var inForce = await db.KboSnapshots.AsNoTracking().Where(s => s.Status == KboSnapshotStatus.InForce).OrderByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        var clock = Stopwatch.StartNew();
        await using var store = await KboStore.OpenAsync(database, ct);
        try
        {
            using (var extract = KboExtract.Open(path, snapshot.Source))
            {
                var meta = ReadMeta(extract);
                snapshot.SnapshotDate = meta.SnapshotDate;
                snapshot.ExtractNumber = meta.ExtractNumber;
                snapshot.ExtractType = meta.Type;
                if (Order(meta, inForce) is { } outOfOrder)
                {
                    return await RefuseAsync(snapshot, store, outOfOrder);
                }

                var loader = new Loader(store, snapshot.Id, progress, clock, ct);
                await Task.Run(() => loader.Load(extract, meta.Type, inForce?.Id ?? 0, store), ct);
                snapshot.RowsRead = loader.Total;
            }

            var id = snapshot.Id;
            snapshot.Enterprises = await db.KboEnterprises.CountAsync(e => e.SnapshotId == id, ct);
            snapshot.Denominations = await db.KboDenominations.CountAsync(e => e.SnapshotId == id, ct);
            snapshot.Addresses = await db.KboAddresses.CountAsync(e => e.SnapshotId == id, ct);
            snapshot.Activities = await db.KboActivities.CountAsync(e => e.SnapshotId == id, ct);
            snapshot.Codes = await db.KboCodes.CountAsync(e => e.SnapshotId == id, ct);

            return await SwitchAsync(snapshot, inForce, store, clock, ct);
        }
        catch (KboFileException ex)
        {
            return await RefuseAsync(snapshot, store, ex.ToError());
        }
        catch (OperationCanceledException)
        {
            await RefuseAsync(snapshot, store, DomainError.Invalid("kbo-cancelled", "De import werd afgebroken; het geldende uittreksel blijft.", "The import was cancelled; the extract in force stays."));
            throw;
        }
    }

    private async Task<Result<KboSnapshot>> SwitchAsync(KboSnapshot snapshot, KboSnapshot? basedOn, KboStore store, Stopwatch clock, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var current = await db.KboSnapshots.Where(s => s.Status == KboSnapshotStatus.InForce).ToListAsync(ct);
            if (current.FirstOrDefault()?.Id != basedOn?.Id)
            {
                await tx.RollbackAsync(ct);
                return await RefuseAsync(snapshot, store, DomainError.Conflict("kbo-order", "Een andere KBO-import werd intussen van kracht; importeer opnieuw.", "Another KBO import came into force meanwhile; import again."));
            }

            foreach (var old in current)
            {
                old.Status = KboSnapshotStatus.Superseded;
            }

            snapshot.Status = KboSnapshotStatus.InForce;
            snapshot.FinishedAtUtc = Now;
            snapshot.CurrentFile = null;
            snapshot.RowsPerSecond = clock.Elapsed.TotalSeconds > 0 ? (int)Math.Min(int.MaxValue, snapshot.RowsRead / clock.Elapsed.TotalSeconds) : 0;
            audit.Record(new KboExtractImported(snapshot.Id, KboSnapshotValues.Of(snapshot)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        if (basedOn is not null)
        {
            // The old extract's rows go once the new one is in force; a crash here leaves rows nobody reads, deleted next time.
            await DeleteRowsAsync(store, basedOn.Id, CancellationToken.None);
        }

        return Result<KboSnapshot>.Ok(snapshot);
    }

    private async Task<Result<KboSnapshot>> RefuseAsync(KboSnapshot snapshot, KboStore store, DomainError error)
    {
        await DeleteRowsAsync(store, snapshot.Id, CancellationToken.None);
        snapshot.Status = KboSnapshotStatus.Refused;
        snapshot.FinishedAtUtc = Now;
        snapshot.ErrorNl = Clip(error.Message.Nl);
        snapshot.ErrorEn = Clip(error.Message.En);
        await db.SaveChangesAsync(CancellationToken.None);
        return Result<KboSnapshot>.Fail(error);
    }

    private static string Clip(string text) => text.Length > 2000 ? text[..2000] : text;

    private static async Task DeleteRowsAsync(KboStore store, int snapshot, CancellationToken ct)
    {
        foreach (var table in KboTable.All)
        {
            await store.ExecuteAsync($"DELETE FROM \"{table.Name}\" WHERE \"SnapshotId\" = @s", snapshot, 0, ct);
        }
    }

    /// <summary>Loads left "Loading" by a process that died are refused, and their rows deleted.</summary>
    private async Task RefuseAbandonedAsync(CancellationToken ct)
    {
        var before = Now - Abandoned;
        var abandoned = await db.KboSnapshots.Where(s => s.Status == KboSnapshotStatus.Loading && s.StartedAtUtc < before).ToListAsync(ct);
        if (abandoned.Count == 0)
        {
            return;
        }

        await using var store = await KboStore.OpenAsync(database, ct);
        foreach (var snapshot in abandoned)
        {
            await RefuseAsync(snapshot, store, DomainError.Invalid("kbo-abandoned", "De import liep niet af (het proces stopte); het geldende uittreksel bleef.", "The import did not finish (its process stopped); the extract in force stayed."));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal sealed record MetaData(DateOnly SnapshotDate, KboExtractType Type, int ExtractNumber);

    internal static MetaData ReadMeta(KboExtract extract)
    {
        using var file = extract.Read(Meta, "Variable", "Value");
        var values = new Dictionary<string, (string Value, long Line)>(StringComparer.OrdinalIgnoreCase);
        while (file.Read())
        {
            values[file[0]] = (file[1], file.Line);
        }

        (string Value, long Line) Get(string name) => values.TryGetValue(name, out var v)
            ? v
            : throw new KboFileException(Meta, 0, $"variabele '{name}' ontbreekt.", $"variable '{name}' is missing.");

        var date = Get("SnapshotDate");
        if (!DateOnly.TryParseExact(date.Value, "dd-MM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var snapshotDate))
        {
            throw new KboFileException(Meta, date.Line, $"SnapshotDate '{KboCsvFile.Truncate(date.Value)}' is geen datum (dd-MM-jjjj).", $"SnapshotDate '{KboCsvFile.Truncate(date.Value)}' is not a date (dd-MM-yyyy).");
        }

        var type = Get("ExtractType");
        KboExtractType extractType = type.Value.ToLowerInvariant() switch
        {
            "full" => KboExtractType.Full,
            "update" => KboExtractType.Update,
            _ => throw new KboFileException(Meta, type.Line, $"ExtractType '{KboCsvFile.Truncate(type.Value)}' is niet full of update.", $"ExtractType '{KboCsvFile.Truncate(type.Value)}' is not full or update."),
        };
        var number = Get("ExtractNumber");
        if (!int.TryParse(number.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var extractNumber))
        {
            throw new KboFileException(Meta, number.Line, $"ExtractNumber '{KboCsvFile.Truncate(number.Value)}' is geen getal.", $"ExtractNumber '{KboCsvFile.Truncate(number.Value)}' is not a number.");
        }

        return new MetaData(snapshotDate, extractType, extractNumber);
    }

    /// <summary>An update follows the extract in force (its number + 1); a full extract is never older than it.</summary>
    internal static DomainError? Order(MetaData meta, KboSnapshot? inForce)
    {
        if (meta.Type == KboExtractType.Update)
        {
            if (inForce is null)
            {
                return DomainError.Conflict("kbo-order", $"Update-uittreksel {meta.ExtractNumber}: er is nog geen volledig uittreksel van kracht; importeer eerst een volledig (full).", $"Update extract {meta.ExtractNumber}: no full extract is in force yet; import a full one first.");
            }

            if (meta.ExtractNumber != inForce.ExtractNumber + 1)
            {
                return DomainError.Conflict("kbo-order", $"Update-uittreksel {meta.ExtractNumber} volgt niet op uittreksel {inForce.ExtractNumber} dat van kracht is (verwacht {inForce.ExtractNumber + 1}).", $"Update extract {meta.ExtractNumber} does not follow extract {inForce.ExtractNumber} in force (expected {inForce.ExtractNumber + 1}).");
            }
        }
        else if (inForce is not null && meta.ExtractNumber < inForce.ExtractNumber)
        {
            return DomainError.Conflict("kbo-order", $"Volledig uittreksel {meta.ExtractNumber} is ouder dan uittreksel {inForce.ExtractNumber} dat van kracht is.", $"Full extract {meta.ExtractNumber} is older than extract {inForce.ExtractNumber} in force.");
        }

        return null;
    }

    /// <summary>Reads the files one by one and writes what is kept; synchronous inside (CsvHelper's parser and the bulk paths are fastest so).</summary>
    private sealed class Loader(KboStore store, int snapshot, IProgress<KboImportProgress>? progress, Stopwatch clock, CancellationToken ct)
    {
        private long _total;

        public long Total => _total;

        public void Load(KboExtract extract, KboExtractType type, int inForce, KboStore s)
        {
            if (type == KboExtractType.Full)
            {
                Codes(extract.Read(Code, "Category", "Code", "Language", "Description"));
                Enterprises(extract.Read(Enterprise, "EnterpriseNumber", "Status", "TypeOfEnterprise", "JuridicalForm"));
                Denominations(extract.Read(Denomination, "EntityNumber", "Language", "TypeOfDenomination", "Denomination"));
                Addresses(extract.Read(Address, "EntityNumber", "TypeOfAddress", "CountryNL", "Zipcode", "MunicipalityNL", "MunicipalityFR", "StreetNL", "StreetFR", "HouseNumber", "Box", "DateStrikingOff"));
                Activities(extract.Read(Activity, "EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"));
                return;
            }

            // Every required file of the update is checked before anything is copied.
            var parts = new[] { ("enterprise", KboTable.Enterprises, "EnterpriseNumber"), ("denomination", KboTable.Denominations, "EntityNumber"), ("address", KboTable.Addresses, "EntityNumber"), ("activity", KboTable.Activities, "EntityNumber") };
            foreach (var (name, _, _) in parts)
            {
                foreach (var file in new[] { $"{name}_delete.csv", $"{name}_insert.csv" })
                {
                    if (!extract.Has(file))
                    {
                        throw new KboFileException(file, 0, $"ontbreekt in {extract.Name} (een update-uittreksel heeft _delete- en _insert-bestanden).", $"is missing from {extract.Name} (an update extract has _delete and _insert files).");
                    }
                }
            }

            foreach (var table in KboTable.All)
            {
                if (table == KboTable.Codes && extract.Has(Code))
                {
                    continue;
                }

                Copy(table, inForce, s);
            }

            if (extract.Has(Code))
            {
                Codes(extract.Read(Code, "Category", "Code", "Language", "Description"));
            }

            foreach (var (name, table, column) in parts)
            {
                Delete(extract.Read($"{name}_delete.csv", column), table);
                var insert = $"{name}_insert.csv";
                switch (name)
                {
                    case "enterprise":
                        Enterprises(extract.Read(insert, "EnterpriseNumber", "Status", "TypeOfEnterprise", "JuridicalForm"));
                        break;
                    case "denomination":
                        Denominations(extract.Read(insert, "EntityNumber", "Language", "TypeOfDenomination", "Denomination"));
                        break;
                    case "address":
                        Addresses(extract.Read(insert, "EntityNumber", "TypeOfAddress", "CountryNL", "Zipcode", "MunicipalityNL", "MunicipalityFR", "StreetNL", "StreetFR", "HouseNumber", "Box", "DateStrikingOff"));
                        break;
                    default:
                        Activities(extract.Read(insert, "EntityNumber", "ActivityGroup", "NaceVersion", "NaceCode", "Classification"));
                        break;
                }
            }
        }

        private void Copy(KboTable table, int from, KboStore s)
        {
            var columns = table.ColumnList;
            var rest = string.Join(", ", table.Columns.Skip(1).Select(c => $"\"{c.Column}\""));
            s.ExecuteAsync($"INSERT INTO \"{table.Name}\" ({columns}) SELECT @s, {rest} FROM \"{table.Name}\" WHERE \"SnapshotId\" = @o", snapshot, from, ct).GetAwaiter().GetResult();
        }

        private void Codes(KboCsvFile file)
        {
            Run(file, KboTable.Codes, (f, row) =>
            {
                var category = f[0];
                if (!string.Equals(f[2], "NL", StringComparison.OrdinalIgnoreCase) || category is not ("JuridicalForm" or "Nace2008" or "Nace2025"))
                {
                    return false;
                }

                row[0] = snapshot;
                row[1] = category;
                row[2] = Required(f, 1, "Code", 20);
                row[3] = Clip(f[3], 500);
                return true;
            });
        }

        private void Enterprises(KboCsvFile file)
        {
            Run(file, KboTable.Enterprises, (f, row) =>
            {
                var number = f.EnterpriseNumber(0, establishments: false)!;
                var status = f[1];
                if (status.Length == 0)
                {
                    throw f.Fail("Status is leeg.", "Status is empty.");
                }

                var kind = f[2];
                if (kind is not ("1" or "2"))
                {
                    throw f.Fail($"TypeOfEnterprise '{KboCsvFile.Truncate(kind)}' is niet 1 (natuurlijk persoon) of 2 (rechtspersoon).", $"TypeOfEnterprise '{KboCsvFile.Truncate(kind)}' is not 1 (natural person) or 2 (legal person).");
                }

                row[0] = snapshot;
                row[1] = number;
                row[2] = status == "AC";
                row[3] = kind == "1";
                row[4] = f[3].Length == 0 ? null : Clip(f[3], 10);
                return true;
            });
        }

        private void Denominations(KboCsvFile file)
        {
            Run(file, KboTable.Denominations, (f, row) =>
            {
                var number = f.EnterpriseNumber(0, establishments: true);
                if (number is null || f[2] != "001")
                {
                    return false;
                }

                row[0] = snapshot;
                row[1] = number;
                row[2] = Clip(f[1], 2);
                row[3] = Required(f, 3, "Denomination", 400);
                return true;
            });
        }

        private void Addresses(KboCsvFile file)
        {
            Run(file, KboTable.Addresses, (f, row) =>
            {
                var number = f.EnterpriseNumber(0, establishments: true);
                if (number is null || f[1] != "REGO" || f[10].Length > 0)
                {
                    return false;
                }

                row[0] = snapshot;
                row[1] = number;
                row[2] = Optional(f[2], 100);
                row[3] = Optional(f[3], 20);
                row[4] = Optional(f[4].Length > 0 ? f[4] : f[5], 200);
                row[5] = Optional(f[6].Length > 0 ? f[6] : f[7], 200);
                row[6] = Optional(f[8], 40);
                row[7] = Optional(f[9], 40);
                return true;
            });
        }

        private void Activities(KboCsvFile file)
        {
            Run(file, KboTable.Activities, (f, row) =>
            {
                var number = f.EnterpriseNumber(0, establishments: true);
                if (number is null || f[4] != "MAIN")
                {
                    return false;
                }

                if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                {
                    throw f.Fail($"NaceVersion '{KboCsvFile.Truncate(f[2])}' is geen jaartal.", $"NaceVersion '{KboCsvFile.Truncate(f[2])}' is not a year.");
                }

                if (version is not (2008 or 2025))
                {
                    return false;
                }

                row[0] = snapshot;
                row[1] = number;
                row[2] = version;
                row[3] = Required(f, 3, "NaceCode", 10);
                return true;
            });
        }

        private void Delete(KboCsvFile file, KboTable table)
        {
            Run(file, table, (f, row) =>
            {
                var number = f.EnterpriseNumber(0, establishments: true);
                if (number is null)
                {
                    return false;
                }

                row[0] = snapshot;
                row[1] = number;
                return true;
            }, delete: true);
        }

        /// <summary>Reads every record of a file; <paramref name="keep"/> fills the row and says whether to write it.</summary>
        private void Run(KboCsvFile file, KboTable table, Func<KboCsvFile, object?[], bool> keep, bool delete = false)
        {
            using (file)
            {
                var started = clock.Elapsed;
                using var writer = delete ? store.BeginDelete(table) : store.Begin(table);
                var row = writer.Row;
                while (file.Read())
                {
                    if (keep(file, row))
                    {
                        try
                        {
                            writer.Add();
                        }
                        catch (Exception ex) when (KboStoreErrors.IsDataError(ex))
                        {
                            throw file.Fail($"kan niet bewaard worden ({ex.Message}); een dubbel nummer?", $"cannot be stored ({ex.Message}); a duplicate number?");
                        }
                    }

                    if (file.Records % ProgressEvery == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                        Report(file, started);
                    }
                }

                try
                {
                    writer.Complete();
                }
                catch (Exception ex) when (KboStoreErrors.IsDataError(ex))
                {
                    throw file.Fail($"kan niet bewaard worden ({ex.Message}); een dubbel nummer?", $"cannot be stored ({ex.Message}); a duplicate number?");
                }

                _total += file.Records;
                Report(file, started, done: true);
            }
        }

        private void Report(KboCsvFile file, TimeSpan started, bool done = false)
        {
            var seconds = (clock.Elapsed - started).TotalSeconds;
            var perSecond = seconds > 0 ? (int)Math.Min(int.MaxValue, file.Records / seconds) : 0;
            progress?.Report(new KboImportProgress(file.File, file.Records, perSecond, clock.Elapsed));
            if (!done)
            {
                store.SaveProgress(snapshot, file.File, _total + file.Records, perSecond);
            }
        }

        private static string Required(KboCsvFile f, int column, string name, int max)
        {
            var value = f[column];
            return value.Length == 0 ? throw f.Fail($"{name} is leeg.", $"{name} is empty.") : Clip(value, max);
        }

        private static string? Optional(string value, int max) => value.Length == 0 ? null : Clip(value, max);

        private static string Clip(string value, int max) => value.Length > max ? value[..max] : value;
    }
}
