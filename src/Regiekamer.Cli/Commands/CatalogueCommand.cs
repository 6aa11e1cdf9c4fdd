using System.CommandLine;
using System.Globalization;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer catalogue export [--municipality NIS] [--region CODE] [--category CODE] [--kind CODE]
/// [--target-group CODE] [--cpv CODE] [--q TEXT] [--format csv|xlsx] [--output FILE]</c>: the public social-procurement
/// catalogue (issue 10.5) as the CSV download on <c>/Catalogue</c> gives it (<see cref="CatalogueExport"/>), every text
/// cell neutralised against spreadsheet formulas. CSV goes to stdout unless a file is named; XLSX needs a file.
/// </summary>
internal static class CatalogueCommand
{
    public static Command Create(CliContext cli) =>
        new("catalogue", "De publieke catalogus van sociaal aanbesteden (de gepubliceerde diensten van de actoren van de sociale economie).")
        {
            Export(cli),
        };

    private static Command Export(CliContext cli)
    {
        var municipality = new Option<string?>("--municipality") { Description = "Alleen diensten in deze gemeente (NIS-code 2025).", HelpName = "NIS" };
        var region = new Option<string?>("--region") { Description = "Alleen diensten in deze referentieregio (code, bv. REFREG01).", HelpName = "CODE" };
        var category = new Option<string?>("--category") { Description = "Alleen deze categorie (code).", HelpName = "CODE" };
        var kind = new Option<string?>("--kind") { Description = "Alleen leveranciers van deze soort (code, bv. maatwerkbedrijf).", HelpName = "CODE" };
        var targetGroup = new Option<string?>("--target-group") { Description = $"Alleen voor deze doelgroep ({string.Join(", ", TargetGroups.All.Select(t => t.Code))}).", HelpName = "CODE" };
        var cpv = new Option<string?>("--cpv") { Description = "Alleen met deze CPV-code of een nauwere (2 tot 8 cijfers, bv. 77310000).", HelpName = "CODE" };
        var text = new Option<string?>("--q") { Description = "Zoektekst (elk woord als begin van een woord).", HelpName = "TEXT" };
        var output = new ExportOutput();
        var database = new DatabaseSelection();
        var command = new Command("export", "De catalogus als CSV of XLSX, gefilterd zoals op /Catalogue, met dezelfde kolommen als de CSV daar; cellen die een rekenblad als formule zou lezen, worden onschadelijk gemaakt.")
        {
            municipality, region, category, kind, targetGroup, cpv, text,
        };
        output.AddTo(command);
        database.AddTo(command);
        command.SetAction((parse, ct) => ExportAsync(
            cli, cli.Culture(parse), database, parse,
            new CatalogueQuery(parse.GetValue(municipality), parse.GetValue(region), parse.GetValue(category), parse.GetValue(kind), parse.GetValue(targetGroup), parse.GetValue(cpv), parse.GetValue(text)),
            output, ct));
        return command;
    }

    private static async Task<int> ExportAsync(CliContext cli, CultureInfo culture, DatabaseSelection selection, ParseResult parse, CatalogueQuery query, ExportOutput output, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var target = output.Resolve(parse, errors);
        var options = selection.ResolveExisting(parse, cli, errors);
        if (errors.Count > 0)
        {
            return cli.Fail(errors, culture);
        }

        return await DbCommand.WithDatabaseAsync(cli, culture, options!, async db =>
        {
            if (await DbCommand.NotMigratedAsync(db, ct) is { } refused)
            {
                return cli.Fail([refused], culture);
            }

            using var derived = new DerivedCache();
            var search = new CatalogueSearch(db, new BrusselsClock(cli.Time), new ReferenceDataService(db, new ReferenceSnapshotCache(), derived), new CatalogueIndexCache());
            errors.AddRange(UnknownCodes(query, await search.PublicListsAsync(ct)));
            var entries = await search.EveryMatchAsync(query, ct);
            errors.AddRange(entries.Errors.Select(AsOption));
            if (errors.Count > 0)
            {
                return cli.Fail(errors, culture);
            }

            var count = entries.Value!.Count;
            return await ExportOutput.WriteAsync(cli, culture, CatalogueExport.Of(entries.Value), target!.Value, full => new Bilingual(
                $"{count} {(count == 1 ? "dienst" : "diensten")} geschreven naar {full}.", $"{count} {(count == 1 ? "service" : "services")} written to {full}."), ct);
        });
    }

    /// <summary>
    /// The codes the web form offers only from a list: on the command line a typo is an error, not an empty file.
    /// (A malformed NIS or CPV code and an unknown region are the search's own errors.)
    /// </summary>
    private static IEnumerable<DomainError> UnknownCodes(CatalogueQuery query, CatalogueLists lists)
    {
        if (Given(query.Municipality) is { } m && NisCode.TryParse(m, out var nis) && lists.Municipalities.All(x => x.Nis != nis))
        {
            yield return DomainError.Invalid("municipality", $"--municipality: {m} is geen NIS-code van een gemeente (2025).", $"--municipality: {m} is not the NIS code of a municipality (2025).", "--municipality");
        }

        if (Given(query.Category) is { } c && lists.Category(c) is null)
        {
            yield return DomainError.Invalid("category", $"--category: '{c}' is geen categorie van de catalogus ({string.Join(", ", lists.Categories.Select(x => x.Code))}).", $"--category: '{c}' is not a category of the catalogue ({string.Join(", ", lists.Categories.Select(x => x.Code))}).", "--category");
        }

        if (Given(query.Kind) is { } k && lists.Kind(k) is null)
        {
            yield return DomainError.Invalid("kind", $"--kind: '{k}' is geen soort actor ({string.Join(", ", lists.Kinds.Select(x => x.Code))}).", $"--kind: '{k}' is not a kind of actor ({string.Join(", ", lists.Kinds.Select(x => x.Code))}).", "--kind");
        }

        if (Given(query.TargetGroup) is { } t && TargetGroups.NameOf(t) is null)
        {
            yield return DomainError.Invalid("target-group", $"--target-group: '{t}' is geen doelgroep ({string.Join(", ", TargetGroups.All.Select(x => x.Code))}).", $"--target-group: '{t}' is not a target group ({string.Join(", ", TargetGroups.All.Select(x => x.Code))}).", "--target-group");
        }
    }

    /// <summary>The search's error with the option it is about in front ("--cpv: CPV-code: …").</summary>
    private static DomainError AsOption(DomainError error)
    {
        var option = error.Field switch
        {
            "municipality" => "--municipality",
            "region" => "--region",
            "cpv" => "--cpv",
            _ => null,
        };
        return option is null ? error : error with { Message = new Bilingual($"{option}: {error.Message.Nl}", $"{option}: {error.Message.En}"), Field = option };
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
