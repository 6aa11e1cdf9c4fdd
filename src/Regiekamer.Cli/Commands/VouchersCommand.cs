using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Common;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.Vouchers;

namespace Regiekamer.Cli.Commands;

/// <summary>
/// <c>regiekamer vouchers export --partnership ID --scheme ID [--status CODE] [--format csv|xlsx] [--output FILE]</c>:
/// a partnership's voucher scheme's vouchers (issue 10.6) as the desk's export on the scheme's page and the API give them
/// (<see cref="VoucherExport"/>), every text cell neutralised against spreadsheet formulas. A scheme is found only
/// within its own partnership. CSV goes to stdout unless a file is named; XLSX needs a file.
/// </summary>
internal static class VouchersCommand
{
    public static Command Create(CliContext cli) =>
        new("vouchers", "De kennismakingscheques van de regelingen van een regieverband.")
        {
            Export(cli),
        };

    private static Command Export(CliContext cli)
    {
        var partnership = new Option<int>("--partnership") { Description = "Het regieverband (id).", HelpName = "ID", Required = true };
        var scheme = new Option<int>("--scheme") { Description = "De chequeregeling van dat regieverband (id, zoals in /Partnerships/ID/Vouchers/ID).", HelpName = "ID", Required = true };
        var status = new Option<string?>("--status") { Description = $"Alleen cheques met deze status ({string.Join(", ", Enum.GetValues<VoucherStatus>().Select(VoucherExport.StatusCode))}).", HelpName = "CODE" };
        var output = new ExportOutput();
        var database = new DatabaseSelection();
        var command = new Command("export", "De cheques van een regeling als CSV of XLSX, zoals de export op de pagina van de regeling (zonder contactpersonen); cellen die een rekenblad als formule zou lezen, worden onschadelijk gemaakt.")
        {
            partnership, scheme, status,
        };
        output.AddTo(command);
        database.AddTo(command);
        command.SetAction((parse, ct) => ExportAsync(cli, cli.Culture(parse), database, parse, parse.GetValue(partnership), parse.GetValue(scheme), parse.GetValue(status), output, ct));
        return command;
    }

    private static async Task<int> ExportAsync(CliContext cli, CultureInfo culture, DatabaseSelection selection, ParseResult parse, int partnershipId, int schemeId, string? statusCode, ExportOutput output, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var target = output.Resolve(parse, errors);
        var status = string.IsNullOrWhiteSpace(statusCode) ? null : VoucherExport.ParseStatus(statusCode.Trim());
        if (!string.IsNullOrWhiteSpace(statusCode) && status is null)
        {
            var codes = string.Join(", ", Enum.GetValues<VoucherStatus>().Select(VoucherExport.StatusCode));
            errors.Add(DomainError.Invalid("status", $"--status: '{statusCode}' is geen status van een cheque ({codes}).", $"--status: '{statusCode}' is not a status of a voucher ({codes}).", "--status"));
        }

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

            if (!await db.Partnerships.AnyAsync(p => p.Id == partnershipId, ct))
            {
                return cli.Fail([DomainError.NotFound($"--partnership: regieverband {partnershipId} bestaat niet.", $"--partnership: partnership {partnershipId} does not exist.")], culture);
            }

            var desk = new VoucherDeskService(db);
            if (await desk.SchemeAsync(partnershipId, schemeId, ct) is null)
            {
                return cli.Fail([DomainError.NotFound(
                    $"--scheme: chequeregeling {schemeId} bestaat niet in regieverband {partnershipId}.",
                    $"--scheme: voucher scheme {schemeId} does not exist in partnership {partnershipId}.")], culture);
            }

            var items = await desk.VouchersAsync(partnershipId, schemeId, status, ct);
            return await ExportOutput.WriteAsync(cli, culture, VoucherExport.Of(items), target!.Value, full => new Bilingual(
                $"{items.Count} {(items.Count == 1 ? "cheque" : "cheques")} geschreven naar {full}.", $"{items.Count} {(items.Count == 1 ? "voucher" : "vouchers")} written to {full}."), ct);
        });
    }
}
