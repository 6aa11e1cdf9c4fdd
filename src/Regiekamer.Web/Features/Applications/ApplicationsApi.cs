using System.Globalization;
using System.Security.Claims;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>
/// The application dossiers under /api/v1/applications. Everything under /applications/{applicationId} belongs to the
/// dossier's partnership: the partnership gate judges the caller's role for it before a handler runs (the permission
/// each operation needs comes from <see cref="ApplicationLifecycle.PermissionFor"/>), and the services refuse what the
/// dossier's status does not allow (409).
/// </summary>
public static class ApplicationsApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/applications").WithTags("Applications").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListAsync)
            .WithSummary("The dossiers the caller may read (department: all; a partnership role: its partnership's), optionally by ?status= (draft, submitted, under-review, changes-requested, approved, rejected, withdrawn) and ?callId=.")
            .Produces<List<ApplicationSummaryDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest);

        group.MapPost("/", StartAsync).RequirePartnership(PartnershipPermission.Apply)
            .WithSummary("Starts the partnership's dossier for a call (one per partnership per call), as its regisseur or signatory: 201 with the draft. 409 when it already has one.")
            .Produces<ApplicationDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/plans", async Task<IResult> (int? callId, string? format, CallService calls, DossierDocuments documents, HttpResponse response, CancellationToken ct) =>
            {
                if (format is not (null or "csv" or "xlsx"))
                {
                    return Problems.Invalid("format", "Formaat: csv of xlsx.", "Format: csv or xlsx.");
                }

                var call = callId is { } c ? await calls.GetAsync(c, ct) : await calls.LatestAsync(ct);
                return call is null
                    ? Problems.From(CallService.CallNotFound(callId ?? 0))
                    : await DownloadAsync(documents.AllPlansAsync(call.Id, format == "xlsx", ct), response);
            })
            .RequireAuthorization(Policies.Department)
            .WithSummary("Department: every plan of a call (?callId=, default the latest) in the BBC action layout, each action preceded by its dossier, partnership and status; ?format=csv (default) or xlsx. Text cells are neutralised against formulas.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", XlsxType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var one = group.MapGroup("/{applicationId:int}").RequirePartnership(PartnershipPermission.Read);
        one.MapGet("/", GetAsync)
            .WithSummary("One dossier: status, version, the parts' completeness (information, commitment, plan), eligibility, the deadline (R8), the plan with its R10 grid, and every problem that blocks a submission.")
            .Produces<ApplicationDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        var edit = ApplicationLifecycle.PermissionFor(ApplicationAction.Edit);
        one.MapPut("/information", UpdateInformationAsync).RequirePartnership(edit)
            .WithSummary("Saves the information form (R7a): bbcUser, beneficiaryKbo (checksum checked), iban (mod 97), regisseur and signatory {name, email, phone}, wijkWerken, and the form's version read (409 when stale, or when the dossier is not a draft).")
            .Produces<ApplicationDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        one.MapPost("/actions", AddActionAsync).RequirePartnership(edit)
            .WithSummary("Adds an action to the plan (R11 fields; R11 and R12 violations: 422, nothing saved).")
            .Produces<ActionDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        one.MapPut("/actions/{actionId:int}", UpdateActionAsync).RequirePartnership(edit)
            .WithSummary("Saves an action with the version read: 409 with the current action when someone else saved it since (or the dossier is not a draft).")
            .Produces<ActionDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        one.MapDelete("/actions/{actionId:int}", RemoveActionAsync).RequirePartnership(edit)
            .WithSummary("Removes an action; ?version= is the version read (409 when stale).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        one.MapPost("/plan", ImportPlanAsync).RequirePartnership(edit)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ApplicationService.MaxPlanRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: ApplicationService.MaxPlanRequestBytes)
            .Accepts<string>("text/csv", XlsxType, "multipart/form-data")
            .WithSummary("Replaces the plan with a file in the BBC action layout (CSV or XLSX, at most 32 MB; as the body, or as the form field 'file'). With violations (R10, R11, R12) nothing is written: 422 with every finding by row and column.")
            .Produces<PlanImportDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        one.MapGet("/plan", ExportPlanAsync)
            .WithSummary("The plan in the BBC action layout: ?format=csv (default) or xlsx. Text cells that a spreadsheet would run as a formula are neutralised.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", XlsxType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/attachments", AttachmentsAsync)
            .WithSummary("The dossier's attachments (signed commitment statements and others), without their content.")
            .Produces<List<AttachmentDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapPost("/attachments", AddAttachmentAsync).RequirePartnership(edit).DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Adds a PDF (form fields: file; kind commitment-statement or other; for a commitment statement (R7b) member (NIS code) and councilDecisionDate YYYY-MM-DD). Checked by content, at most 10 MB: anything else is 400 and nothing is stored.")
            .Produces<AttachmentDto>(StatusCodes.Status201Created)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        one.MapGet("/attachments/{attachmentId:int}", DownloadAttachmentAsync)
            .WithSummary("One attachment's content, as a download (application/pdf, nosniff).")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapPost("/extension", GrantExtensionAsync).RequirePartnership(ApplicationLifecycle.PermissionFor(ApplicationAction.GrantExtension))
            .WithSummary("Case handlers: the dossier may be submitted until that day, 23:59:59 Brussels time (R8); with a motivation.")
            .Produces<ApplicationDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        one.MapPost("/submit", SubmitAsync).RequirePartnership(ApplicationLifecycle.PermissionFor(ApplicationAction.Submit))
            .WithSummary("The signatory submits: 422 with errorCode R7, R8, R10, R11 or R12 (and every other blocking problem) when something blocks; else the new version with its receipt (SHA-256). Optional body {version}: the dossier's version checked (409 when it changed since).")
            .Produces<SubmissionDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        one.MapPost("/withdraw", WithdrawAsync).RequirePartnership(ApplicationLifecycle.PermissionFor(ApplicationAction.Withdraw))
            .WithSummary("The signatory withdraws the dossier before a decision.")
            .Produces<ApplicationDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        one.MapGet("/versions", VersionsAsync)
            .WithSummary("The submitted versions, each with its receipt.")
            .Produces<List<ReceiptDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/versions/{number:int}", VersionAsync)
            .WithSummary("One submitted version as it was frozen: its content, SHA-256 and receipt.")
            .Produces<VersionDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/versions/{number:int}/receipt", (int applicationId, int number, DossierDocuments documents, HttpResponse response, CancellationToken ct) => DownloadAsync(documents.ReceiptAsync(applicationId, number, ct), response))
            .WithSummary("The receipt (ontvangstbewijs) of a submitted version as a PDF: dossier number, time in Brussels, version and SHA-256.")
            .Produces<byte[]>(StatusCodes.Status200OK, DossierDocuments.Pdf)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/versions/{number:int}/document", (int applicationId, int number, DossierDocuments documents, HttpResponse response, CancellationToken ct) => DownloadAsync(documents.VersionAsync(applicationId, number, ct), response))
            .WithSummary("A submitted version as a PDF: the partnership, the information form, the commitment statements and the plan.")
            .Produces<byte[]>(StatusCodes.Status200OK, DossierDocuments.Pdf)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/versions/{number:int}/bundle", (int applicationId, int number, DossierDocuments documents, HttpResponse response, CancellationToken ct) => DownloadAsync(documents.BundleAsync(applicationId, number, ct), response))
            .WithSummary("A submitted version as one ZIP: the version and its receipt as PDF, the plan in the BBC layout (CSV, XLSX), its attachments, the review and decisions so far, and its canonical JSON with SHA256SUMS.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/zip")
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/decisions/{decisionId:int}/letter", (int applicationId, int decisionId, DossierDocuments documents, HttpResponse response, CancellationToken ct) => DownloadAsync(documents.DecisionLetterAsync(applicationId, decisionId, ct), response))
            .WithSummary("A decision letter as a PDF.")
            .Produces<byte[]>(StatusCodes.Status200OK, DossierDocuments.Pdf)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/commitment-statement", async (int applicationId, ApplicationService applications, DossierDocuments documents, HttpResponse response, CancellationToken ct) =>
                await applications.GetAsync(applicationId, ct) is { } a
                    ? await DownloadAsync(documents.CommitmentStatementPdfAsync(a, ct), response)
                    : Problems.From(ApplicationService.NotFound(applicationId)))
            .WithSummary("The commitment statement (R7b) the members sign, for the partnership as it is composed now, as a PDF.")
            .Produces<byte[]>(StatusCodes.Status200OK, DossierDocuments.Pdf)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        one.MapGet("/diff", DiffAsync)
            .WithSummary("What changed between two submitted versions (?from=N&to=M), field by field: members, information, commitment statements, actions and amounts.")
            .Produces<DiffDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        var review = ApplicationLifecycle.PermissionFor(ApplicationAction.Review);
        one.MapPost("/checks", RecordCheckAsync).RequirePartnership(review)
            .WithSummary("Case handlers: a verdict (sufficient, insufficient, not-applicable) with a note on one review check of the version under review; the first moves the dossier to under-review.")
            .Produces<CheckDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        one.MapPost("/decision", DecideAsync).RequirePartnership(review)
            .WithSummary("Case handlers: {decision: approve|reject|request-changes, motivation, rules (a rejection names them), points and responseDue (a request for changes)}. 409 when the status does not allow it, naming the decision taken first.")
            .Produces<DecisionDto>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        one.MapGet("/decisions", DecisionsAsync)
            .WithSummary("The decisions on the dossier, oldest first.")
            .Produces<List<DecisionDto>>(StatusCodes.Status200OK)
            .ProducesProblems(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    public static string PartCode(DossierPart part) => part switch
    {
        DossierPart.Information => "information",
        DossierPart.Commitment => "commitment",
        DossierPart.Plan => "plan",
        DossierPart.Eligibility => "eligibility",
        _ => "deadline",
    };

    private static async Task<IResult> ListAsync(string? status, int? callId, ClaimsPrincipal user, ApplicationService applications, CancellationToken ct)
    {
        ApplicationStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!ApplicationStatuses.TryParse(status, out var parsed))
            {
                return Problems.Invalid("status", $"Status '{status}' bestaat niet.", $"Status '{status}' does not exist.");
            }

            filter = parsed;
        }

        var list = await applications.ListAsync(user.ReadablePartnerships(), filter, callId, ct);
        return TypedResults.Ok(list.Select(ApplicationSummaryDto.Of).ToList());
    }

    private static async Task<IResult> StartAsync(StartApplicationRequest body, ApplicationService applications, SubmissionService submissions, CancellationToken ct)
    {
        var started = await applications.StartAsync(body.PartnershipId, body.CallId, ct);
        if (!started.IsSuccess)
        {
            return Problems.From(started.Errors);
        }

        var dto = await DetailAsync(started.Value!.Id, applications, submissions, ct);
        return dto.IsSuccess ? TypedResults.Created($"/api/v1/applications/{started.Value.Id}", dto.Value) : Problems.From(dto.Errors);
    }

    private static async Task<IResult> GetAsync(int applicationId, ApplicationService applications, SubmissionService submissions, CancellationToken ct) =>
        Answer(await DetailAsync(applicationId, applications, submissions, ct));

    /// <summary>The dossier as the API shows it, with its checks.</summary>
    public static async Task<Result<ApplicationDto>> DetailAsync(int id, ApplicationService applications, SubmissionService submissions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(submissions);
        var a = await applications.GetAsync(id, ct);
        if (a is null)
        {
            return ApplicationService.NotFound(id);
        }

        var state = await submissions.StateAsync(a, ct);
        if (!state.IsSuccess)
        {
            return Result<ApplicationDto>.Fail(state.Errors);
        }

        var s = state.Value!;
        var d = s.Deadline;
        return Result<ApplicationDto>.Ok(new ApplicationDto(
            a.Id,
            a.DossierNumber,
            a.PartnershipId,
            s.Partnership.Name,
            a.CallId,
            a.Status.Code(),
            a.Version,
            a.SubmittedVersions,
            BrusselsClock.InBrussels(a.UpdatedAtUtc),
            new InformationDto(a.BbcUser, a.BeneficiaryKbo, a.Iban, ContactDto.Of(a.Regisseur), ContactDto.Of(a.Signatory), a.WijkWerken, a.InformationVersion),
            s.Parts.Select(PartDto.Of).ToList(),
            PartDto.Of(s.Eligibility),
            new DeadlineDto(ApplicationContent.Date(d.Deadline), d.ExtendedUntil is { } e ? ApplicationContent.Date(e) : null, d.ExtensionMotivation, ApplicationContent.Date(d.LastDay), BrusselsClock.InBrussels(d.LastMomentUtc), d.Passed),
            PlanDto.Of(a.Actions, s.Plan),
            s.Blocking.Select(ProblemDto.Of).ToList(),
            s.CanBeSubmitted,
            a.ResponseDue is { } r ? ApplicationContent.Date(r) : null));
    }

    private static async Task<IResult> DownloadAsync(Task<Result<DossierDocument>> document, HttpResponse response)
    {
        var made = await document;
        if (!made.IsSuccess)
        {
            return Problems.From(made.Errors);
        }

        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(made.Value!.Bytes, made.Value.ContentType, made.Value.FileName);
    }

    private static IResult Answer<T>(Result<T> result) => result.IsSuccess ? TypedResults.Ok(result.Value) : Problems.From(result.Errors);

    private static async Task<IResult> UpdateInformationAsync(int applicationId, InformationRequest body, ApplicationService applications, SubmissionService submissions, CancellationToken ct)
    {
        if (body.Version is not { } version)
        {
            return Problems.Invalid("version", "Versie: verplicht (de versie van het formulier die je las).", "Version: required (the form's version you read).");
        }

        var saved = await applications.UpdateInformationAsync(applicationId, body.ToInput(), version, ct);
        return saved.IsSuccess ? Answer(await DetailAsync(applicationId, applications, submissions, ct)) : Problems.From(saved.Errors);
    }

    private static async Task<IResult> AddActionAsync(int applicationId, ActionRequest body, ApplicationService applications, CancellationToken ct)
    {
        if (body.ToInput(out var error) is not { } input)
        {
            return Problems.From(error!);
        }

        var saved = await applications.AddActionAsync(applicationId, input, ct);
        return saved.IsSuccess ? TypedResults.Created($"/api/v1/applications/{applicationId}/actions/{saved.Saved!.Id}", ActionDto.Of(saved.Saved)) : Refused(saved);
    }

    private static async Task<IResult> UpdateActionAsync(int applicationId, int actionId, ActionRequest body, ApplicationService applications, CancellationToken ct)
    {
        if (body.Version is not { } version)
        {
            return Problems.Invalid("version", "Versie: verplicht (de versie van de actie die je las).", "Version: required (the action's version you read).");
        }

        if (body.ToInput(out var error) is not { } input)
        {
            return Problems.From(error!);
        }

        var saved = await applications.UpdateActionAsync(applicationId, actionId, input, version, null, ct);
        return saved.IsSuccess ? TypedResults.Ok(ActionDto.Of(saved.Saved!)) : Refused(saved);
    }

    private static async Task<IResult> RemoveActionAsync(int applicationId, int actionId, int? version, ApplicationService applications, CancellationToken ct)
    {
        if (version is not { } v)
        {
            return Problems.Invalid("version", "Versie: verplicht (?version=, de versie van de actie die je las).", "Version: required (?version=, the action's version you read).");
        }

        var removed = await applications.RemoveActionAsync(applicationId, actionId, v, ct);
        return removed.IsSuccess ? TypedResults.NoContent() : Refused(removed);
    }

    /// <summary>A refused action save; a conflict carries the action as it is now.</summary>
    private static IResult Refused(ActionSave save) => save.Conflict is { } c
        ? Problems.From(save.Errors, extensions: new Dictionary<string, object?>
        {
            ["current"] = new
            {
                version = c.CurrentVersion,
                c.Theirs.PolicyGoal,
                c.Theirs.ActionPlan,
                c.Theirs.ShortDescription,
                c.Theirs.LongDescription,
                c.Theirs.Comment,
                c.Theirs.Code,
                amounts = ActionDto.AmountsOf(c.Theirs.Amounts),
            },
            ["conflictingFields"] = c.Fields,
        })
        : Problems.From(save.Errors);

    private static async Task<IResult> ImportPlanAsync(int applicationId, HttpRequest request, ApplicationService applications, CancellationToken ct)
    {
        Stream content;
        var name = "plan";
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file)
            {
                return Problems.Invalid("file", "Bestand: voeg het plan toe als formulierveld 'file'.", "File: add the plan as the form field 'file'.");
            }

            content = file.OpenReadStream();
            name = file.FileName;
        }
        else
        {
            content = request.Body;
            name = request.ContentType?.StartsWith(XlsxType, StringComparison.OrdinalIgnoreCase) == true ? "plan.xlsx" : "plan.csv";
        }

        var imported = await applications.ImportPlanAsync(applicationId, content, name, ct);
        if (!imported.IsSuccess)
        {
            return Problems.From(imported.Errors);
        }

        var r = imported.Value!;
        var years = r.Check.Period.Years;
        return TypedResults.Ok(new PlanImportDto(
            r.Actions,
            r.Findings.Select(PlanFindingDto.Of).ToList(),
            years.ToDictionary(y => y.ToString(CultureInfo.InvariantCulture), y => (IReadOnlyDictionary<string, int>)PriorityCode.All.ToDictionary(p => p.ToString(), p => r.Check.Actions(y, p))),
            years.ToDictionary(y => y.ToString(CultureInfo.InvariantCulture), y => r.Check.Total(y).ToInvariantString())));
    }

    private static async Task<IResult> ExportPlanAsync(int applicationId, string? format, ApplicationService applications, CallService calls, CancellationToken ct)
    {
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !string.IsNullOrEmpty(format) && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Invalid("format", "Formaat: csv of xlsx.", "Format: csv or xlsx.");
        }

        var a = await applications.GetAsync(applicationId, ct);
        var call = a is null ? null : await calls.GetAsync(a.CallId, ct);
        if (a is null || call is null)
        {
            return Problems.From(ApplicationService.NotFound(applicationId));
        }

        var (bytes, type, extension) = PlanExport(a, call, xlsx);
        return TypedResults.File(bytes, type, $"{a.DossierNumber}-meerjarenplan.{extension}");
    }

    /// <summary>The dossier's plan as a BBC layout file (what the pages' export links serve too).</summary>
    public static (byte[] Bytes, string ContentType, string Extension) PlanExport(Application a, Call call, bool xlsx)
    {
        ArgumentNullException.ThrowIfNull(a);
        var period = ApplicationService.PeriodOf(call);
        var actions = a.Actions.OrderBy(x => x.Position).Select(x => ApplicationService.ToPlanAction(x.Values, x.Position)).ToList();
        using var stream = new MemoryStream();
        if (xlsx)
        {
            PlanFile.WriteXlsx(stream, actions, period);
            return (stream.ToArray(), XlsxType, "xlsx");
        }

        PlanFile.WriteCsv(stream, actions, period);
        return (stream.ToArray(), "text/csv; charset=utf-8", "csv");
    }

    private static async Task<IResult> AttachmentsAsync(int applicationId, ApplicationService applications, CancellationToken ct)
    {
        var a = await applications.GetAsync(applicationId, ct);
        var list = await applications.AttachmentsAsync(applicationId, ct);
        return TypedResults.Ok(list.Select(x => ToDto(x, a)).ToList());
    }

    private static AttachmentDto ToDto(ApplicationAttachment x, Application? a)
    {
        var commitment = a?.Commitments.FirstOrDefault(c => c.AttachmentId == x.Id);
        return new AttachmentDto(
            x.Id,
            x.Kind == AttachmentKind.CommitmentStatement ? "commitment-statement" : "other",
            x.FileName,
            x.Length,
            x.Sha256,
            BrusselsClock.InBrussels(x.UploadedAtUtc),
            commitment?.NisCode.Value,
            commitment is null ? null : ApplicationContent.Date(commitment.CouncilDecisionDate));
    }

    private static async Task<IResult> AddAttachmentAsync(int applicationId, HttpRequest request, ApplicationService applications, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Problems.Invalid("file", "Stuur het bestand als multipart/form-data met het veld 'file'.", "Send the file as multipart/form-data with the field 'file'.");
        }

        var form = await request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file)
        {
            return Problems.Invalid("file", "Bestand: verplicht (formulierveld 'file').", "File: required (form field 'file').");
        }

        var kindText = form["kind"].ToString();
        var kind = kindText switch
        {
            "commitment-statement" => AttachmentKind.CommitmentStatement,
            "" or "other" => AttachmentKind.Other,
            _ => (AttachmentKind?)null,
        };
        if (kind is null)
        {
            return Problems.Invalid("kind", "Soort: commitment-statement of other.", "Kind: commitment-statement or other.");
        }

        DateOnly? council = null;
        var dateText = form["councilDecisionDate"].ToString();
        if (dateText.Length > 0)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Problems.Invalid("councilDecisionDate", $"Datum gemeenteraadsbesluit '{dateText}' is geen datum (JJJJ-MM-DD).", $"Council decision date '{dateText}' is not a date (YYYY-MM-DD).");
            }

            council = date;
        }

        await using var stream = file.OpenReadStream();
        var added = await applications.AddAttachmentAsync(applicationId, kind.Value, file.FileName, stream, form["member"].ToString(), council, ct);
        if (!added.IsSuccess)
        {
            return Problems.From(added.Errors);
        }

        var a = await applications.GetAsync(applicationId, ct);
        return TypedResults.Created($"/api/v1/applications/{applicationId}/attachments/{added.Value!.Id}", ToDto(added.Value, a));
    }

    private static async Task<IResult> DownloadAttachmentAsync(int applicationId, int attachmentId, ApplicationService applications, HttpResponse response, CancellationToken ct)
    {
        var file = await applications.AttachmentAsync(applicationId, attachmentId, ct);
        if (file is null)
        {
            return Problems.From(DomainError.NotFound($"Bijlage {attachmentId} bestaat niet in dit dossier.", $"Attachment {attachmentId} does not exist in this dossier."));
        }

        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(file.Content, "application/pdf", file.FileName);
    }

    private static async Task<IResult> GrantExtensionAsync(int applicationId, ExtensionRequest body, ReviewService reviews, ApplicationService applications, SubmissionService submissions, CancellationToken ct)
    {
        DateOnly? until = null;
        if (!string.IsNullOrWhiteSpace(body.Until))
        {
            if (!DateOnly.TryParseExact(body.Until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Problems.Invalid("until", $"Uitstel tot '{body.Until}' is geen datum (JJJJ-MM-DD).", $"Until '{body.Until}' is not a date (YYYY-MM-DD).");
            }

            until = date;
        }

        var granted = await reviews.GrantExtensionAsync(applicationId, until, body.Motivation, ct);
        return granted.IsSuccess ? Answer(await DetailAsync(applicationId, applications, submissions, ct)) : Problems.From(granted.Errors);
    }

    private static async Task<IResult> SubmitAsync(int applicationId, SubmitRequest? body, SubmissionService submissions, CancellationToken ct)
    {
        var submitted = await submissions.SubmitAsync(applicationId, body?.Version, ct);
        return submitted.IsSuccess
            ? TypedResults.Ok(new SubmissionDto(submitted.Value!.Stored.Number, ApplicationStatus.Submitted.Code(), ReceiptDto.Of(submitted.Value.Receipt)))
            : Problems.From(submitted.Errors);
    }

    private static async Task<IResult> WithdrawAsync(int applicationId, SubmissionService submissions, ApplicationService applications, CancellationToken ct)
    {
        var withdrawn = await submissions.WithdrawAsync(applicationId, ct);
        return withdrawn.IsSuccess ? Answer(await DetailAsync(applicationId, applications, submissions, ct)) : Problems.From(withdrawn.Errors);
    }

    private static async Task<IResult> VersionsAsync(int applicationId, SubmissionService submissions, CancellationToken ct) =>
        TypedResults.Ok((await submissions.VersionsAsync(applicationId, ct)).Select(v => ReceiptDto.Of(v.Receipt)).ToList());

    private static async Task<IResult> VersionAsync(int applicationId, int number, SubmissionService submissions, CancellationToken ct)
    {
        var v = await submissions.VersionAsync(applicationId, number, ct);
        return v.IsSuccess
            ? TypedResults.Ok(new VersionDto(v.Value!.Stored.Number, BrusselsClock.InBrussels(v.Value.Stored.SubmittedAtUtc), v.Value.Stored.Sha256, v.Value.Stored.UnderExtension, ReceiptDto.Of(v.Value.Receipt), v.Value.Content))
            : Problems.From(v.Errors);
    }

    private static async Task<IResult> DiffAsync(int applicationId, int? from, int? to, SubmissionService submissions, CancellationToken ct)
    {
        if (from is not { } f || to is not { } t)
        {
            return Problems.Invalid("from", "Geef ?from=N&to=M, twee versienummers.", "Give ?from=N&to=M, two version numbers.");
        }

        var diff = await submissions.DiffAsync(applicationId, f, t, ct);
        return diff.IsSuccess
            ? TypedResults.Ok(new DiffDto(f, t, diff.Value!.Select(e => new DiffEntryDto(e.Section.ToString().ToLowerInvariant(), e.Item, e.Field.Nl, e.Field.En, e.Kind.ToString().ToLowerInvariant(), e.Old, e.New)).ToList()))
            : Problems.From(diff.Errors);
    }

    private static async Task<IResult> RecordCheckAsync(int applicationId, CheckRequest body, ReviewService reviews, CancellationToken ct)
    {
        var recorded = await reviews.RecordCheckAsync(applicationId, body.Check, body.Verdict, body.Note, ct);
        return recorded.IsSuccess
            ? TypedResults.Ok(new CheckDto(recorded.Value!.VersionNumber, recorded.Value.Check, recorded.Value.Verdict.Code(), recorded.Value.Note, BrusselsClock.InBrussels(recorded.Value.ReviewedAtUtc)))
            : Problems.From(recorded.Errors);
    }

    private static async Task<IResult> DecideAsync(int applicationId, DecisionRequest body, ReviewService reviews, CancellationToken ct)
    {
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(body.ResponseDue))
        {
            if (!DateOnly.TryParseExact(body.ResponseDue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Problems.Invalid("responseDue", $"Antwoord tegen '{body.ResponseDue}' is geen datum (JJJJ-MM-DD).", $"Response due '{body.ResponseDue}' is not a date (YYYY-MM-DD).");
            }

            due = date;
        }

        var decided = await reviews.DecideAsync(applicationId, new DecisionInput(body.Decision, body.Motivation, body.Rules, body.Points, due), ct);
        return decided.IsSuccess ? TypedResults.Ok(DecisionDto.Of(decided.Value!)) : Problems.From(decided.Errors);
    }

    private static async Task<IResult> DecisionsAsync(int applicationId, ReviewService reviews, CancellationToken ct) =>
        TypedResults.Ok((await reviews.DecisionsAsync(applicationId, ct)).Select(DecisionDto.Of).ToList());
}
