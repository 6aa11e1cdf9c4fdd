namespace Regiekamer.Core.Common;

/// <summary>
/// An expected failure: bad input or a broken rule. <see cref="Code"/> is the rule ID (R1…R18) where a rule is
/// broken, otherwise a short machine code (e.g. "validation", "not-found", "conflict", "immutable").
/// HTTP maps it to ProblemDetails in one place (Web/Api/Problems.cs).
/// </summary>
public sealed record DomainError(string Code, Bilingual Message, string? Field = null, ErrorKind Kind = ErrorKind.Invalid)
{
    public static DomainError Invalid(string code, string nl, string en, string? field = null) => new(code, new Bilingual(nl, en), field);

    public static DomainError NotFound(string nl, string en) => new("not-found", new Bilingual(nl, en), null, ErrorKind.NotFound);

    public static DomainError Conflict(string code, string nl, string en) => new(code, new Bilingual(nl, en), null, ErrorKind.Conflict);
}

public enum ErrorKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>Either a value or a list of errors. Services return this for expected failures; exceptions are for bugs.</summary>
public sealed class Result<T>
{
    private Result(T? value, IReadOnlyList<DomainError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    public IReadOnlyList<DomainError> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(params DomainError[] errors) => new(default, errors);

    public static Result<T> Fail(IReadOnlyList<DomainError> errors) => new(default, errors);

    public static implicit operator Result<T>(DomainError error) => Fail(error);
}
