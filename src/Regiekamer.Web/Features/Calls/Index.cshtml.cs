using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Calls;

public sealed class IndexModel(CallService calls, AuditTrail audit) : PageModel
{
    public IReadOnlyList<Call> Calls { get; private set; } = [];

    /// <summary>Each call's audit records (its new versions), newest first.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<AuditView>> History { get; private set; } = new Dictionary<int, IReadOnlyList<AuditView>>();

    [BindProperty]
    public int CallId { get; set; }

    [BindProperty]
    public int CallVersion { get; set; }

    [BindProperty]
    public string? Budget { get; set; }

    [BindProperty]
    public int WeightWorkingAge { get; set; }

    [BindProperty]
    public int WeightJobSeekers { get; set; }

    [BindProperty]
    public int WeightEqual { get; set; }

    [BindProperty]
    public DateOnly Deadline { get; set; }

    [BindProperty]
    public DateOnly EffectiveFrom { get; set; }

    [BindProperty]
    public string? Priorities { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    private IReadOnlyList<DomainError> _errors = [];

    public IReadOnlyList<DomainError> ErrorsFor(int callId) => callId == CallId ? _errors : [];

    public IReadOnlyList<AuditView> HistoryOf(int callId) => History.GetValueOrDefault(callId) ?? [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    [HandlerPolicy(Policies.Administrator)]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await calls.AddVersionAsync(CallId, new CallVersionInput(Budget, WeightWorkingAge, WeightJobSeekers, WeightEqual, Deadline, Priorities, EffectiveFrom, Note), CallVersion, ct);
        if (result.IsSuccess)
        {
            return Redirect("/Calls");
        }

        _errors = result.Errors;
        Response.StatusCode = Problems.StatusOf(result.Errors);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Calls = await calls.ListAsync(ct);
        var records = await audit.HistoryAsync(CallService.AuditEntity, Calls.Select(c => c.Id.ToString(CultureInfo.InvariantCulture)).ToList(), ct);
        History = Calls.ToDictionary(c => c.Id, c => (IReadOnlyList<AuditView>)records.Where(r => r.Record.EntityId == c.Id.ToString(CultureInfo.InvariantCulture)).ToList());
    }
}
