using Regiekamer.Core.Actors;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Actors;

/// <summary>A list of actors as a table: with the partnership's column on the department's list.</summary>
public sealed record ActorTableView(IReadOnlyList<ActorListItem> Items, IReadOnlyList<ActorKind> Kinds, IReadOnlyDictionary<NisCode, string> Municipalities, string Caption, bool ShowPartnership)
{
    public string KindName(string code) => Kinds.FirstOrDefault(k => k.Code == code) is { } k ? (Lang.IsDutch ? k.NameNl : k.NameEn) : code;
}

/// <summary>The filters of an actor list, shared by the partnership's and the department's page.</summary>
public sealed record ActorFilterView(string? Kind, string? Municipality, bool Archived, IReadOnlyList<ActorKind> Kinds, IReadOnlyDictionary<NisCode, string> Municipalities);
