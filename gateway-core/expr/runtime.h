#pragma once

// What the evaluator and the bindings share: the payload objects behind Values, the per-evaluation state with its
// budgets, and the runtime error that becomes Evaluation::error. Internal to gw::expr.

#include <common/diagnostic.h>
#include <expr/context.h>
#include <expr/value.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gw::expr {

// A static type as written or inferred: `string[]` is {Array, String}, `Dictionary<string,int>` is
// {Dictionary, Int32, String}.
struct TypeRef {
    TypeId id = TypeId::Dynamic;
    TypeId elem = TypeId::Dynamic;
    TypeId key = TypeId::Dynamic;
    bool nullable = false;
    bool operator==(const TypeRef &) const = default;
};

// A .NET exception on its way out of an evaluation. Thrown inside the module only, caught by Program::evaluate()
// and by `try` statements of the expression itself.
struct EvalError {
    std::string message;
    std::string_view exceptionType = "System.Exception";
    int line = 0;
    int column = 0;
    bool fatal = false; // a budget ran out: `catch` in the expression does not stop it
};

[[noreturn]] void fail(std::string message, std::string_view exceptionType = "System.InvalidOperationException");
std::uint64_t nextSerial();
[[noreturn]] void failNull();                                            // NullReferenceException
[[noreturn]] void failCast(const Value &value, std::string_view target); // InvalidCastException
[[noreturn]] void failArgument(std::string message);                     // ArgumentException
[[noreturn]] void failFormat(std::string message = "Input string was not in a correct format.");

// --- payloads ---

struct BytesBox final : Object {
    explicit BytesBox(std::string value) : data(std::move(value)) {}
    std::string data;
};

// Arrays, List<T>, HashSet<T> and the lazy-free IEnumerable<T> that LINQ methods return.
struct ListBox final : Object {
    std::vector<Value> items;
    TypeId elem = TypeId::Dynamic;
};

// Dictionary<K,V> and the read-only dictionaries of the context model, in insertion order.
struct DictBox final : Object {
    std::vector<std::pair<Value, Value>> entries;
    TypeId keyType = TypeId::String;
    TypeId valueType = TypeId::Dynamic;
    bool ignoreCase = false;
    int find(const Value &key) const;
};

struct PairBox final : Object {
    Value key;
    Value value;
};

struct StringBuilderBox final : Object {
    std::string text;
};

struct ResponseBox final : Object {
    std::shared_ptr<ResponseState> state;
};

struct ExceptionBox final : Object {
    std::string message;
    std::string type;
};

// A Newtonsoft token. Objects hold JProperty children, properties hold one value. A token that is added while it
// already has a parent is copied first, as Newtonsoft does.
struct JNode final : Object {
    enum class Kind : std::uint8_t { Object, Array, Property, Null, Bool, Integer, Float, String };
    explicit JNode(Kind k) : kind(k) {}
    ~JNode() override;
    Kind kind;
    JNode *parent = nullptr; // cleared by the parent's destructor
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0;
    std::string text; // String value, or the Property name
    std::vector<std::shared_ptr<JNode>> children;

    bool isContainer() const { return kind == Kind::Object || kind == Kind::Array; }
    std::shared_ptr<JNode> property(std::string_view name) const; // the JProperty, or null
    std::shared_ptr<JNode> get(std::string_view name) const;      // a JObject's property value, or null
    void set(std::string_view name, std::shared_ptr<JNode> value);
    void append(std::shared_ptr<JNode> child);
    bool removeChild(const JNode *child);
};
using JRef = std::shared_ptr<JNode>;

// --- per evaluation ---

struct EvalState {
    Context &context;
    std::uint64_t serial = nextSerial(); // tells this evaluation's lambdas from those of any other
    std::vector<Value> locals;
    std::int64_t steps = 0;
    std::int64_t stepLimit = 1'000'000;
    std::size_t memory = 0;
    std::size_t memoryLimit = 64u << 20;
    int depth = 0;
    void *evaluator = nullptr; // the Evaluator running, for lambdas the bindings invoke

    void step(std::int64_t n = 1)
    {
        steps += n;
        if (steps > stepLimit) {
            throw EvalError{"The expression ran longer than its step budget allows (loop or recursion too long).",
                            "System.InvalidOperationException", 0, 0, true};
        }
    }
    void charge(std::size_t bytes)
    {
        memory += bytes;
        if (memory > memoryLimit) {
            throw EvalError{"The expression allocated more memory than its budget allows.",
                            "System.OutOfMemoryException", 0, 0, true};
        }
    }
};

// A lambda as a value: the node to run and the evaluation it belongs to. A lambda that escapes its evaluation (stored
// in a collection that outlives it) cannot be run by another one.
struct LambdaBox final : Object {
    const void *node = nullptr;
    std::uint64_t serial = 0;
};

// One member invocation, as the bindings see it.
struct Call {
    EvalState &st;
    const Value &self;
    std::span<Value> args;
    std::span<const TypeRef> typeArgs;
    std::string_view writtenType = {}; // constructors and statics of HashAlgorithm: the type name as written

    const Value &arg(std::size_t i) const { return args[i]; }
    std::size_t argc() const { return args.size(); }
    Context &context() const { return st.context; }
};

// Runs a lambda argument (evaluator.cpp).
Value invokeLambda(EvalState &st, const Value &function, std::span<const Value> args);

// --- conversions shared by the evaluator and the bindings ---

Value makeBytes(std::string data);
Value makeList(std::vector<Value> items, TypeId elem = TypeId::Dynamic, TypeId listType = TypeId::Array);
Value makeGuid(std::string canonical);
Value makeDateTime(std::int64_t ticks, int kind); // kind: 0 unspecified, 1 utc, 2 local
Value makeTimeSpan(std::int64_t ticks);
Value makePair(Value key, Value value);
Value makeJson(JRef node);

const std::string &bytesOf(const Value &value);
std::vector<Value> enumerate(EvalState &st, const Value &value); // anything foreach accepts
bool valueEquals(const Value &a, const Value &b);                // .NET Equals (strings by value, tokens by reference)
int compareValues(const Value &a, const Value &b);               // Comparer<T>.Default
std::string requireString(const Value &value);                   // null -> NullReferenceException
std::int64_t requireInteger(const Value &value);
double requireNumber(const Value &value);
bool isInstance(const Value &value, const TypeRef &type);
Value castTo(const Value &value, const TypeRef &type); // C# explicit cast
Value convertForAssignment(const Value &value, const TypeRef &type);
std::string_view typeDisplayName(TypeId id); // "System.String"
std::string typeNameOf(const Value &value);  // with array element types: "System.String[]"

// JSON
JRef parseJson(std::string_view text); // throws EvalError (JsonReaderException) on bad input
std::string writeJson(const JNode &node, bool indented);
JRef cloneJson(const JNode &node);
JRef toJson(const Value &value); // JToken.FromObject
Value fromJsonValue(const JNode &node, TypeId target);

// Text and numbers in the invariant culture (format.cpp).
std::string formatDouble(double value);
std::string formatValue(const Value &value, std::string_view format); // IFormattable.ToString(format)
std::string formatComposite(EvalState &st, std::string_view format, std::span<const Value> args);
bool parseDateTime(std::string_view text, std::int64_t &ticks, int &kind);
bool parseTimeSpan(std::string_view text, std::int64_t &ticks);
bool parseInt64(std::string_view text, std::int64_t &out);
bool parseDouble(std::string_view text, double &out);
std::int64_t nowTicks(bool utc);
std::int64_t toTicks(std::chrono::system_clock::time_point time);
std::string newGuid();

// A double as an integer the way an unchecked .NET cast gives it, without undefined behaviour for NaN or values out
// of range (those give long.MinValue, as on x64).
inline std::int64_t truncateToInt64(double value)
{
    if (!(value >= -9.2e18 && value <= 9.2e18)) {
        return INT64_MIN;
    }
    return static_cast<std::int64_t>(value);
}

// An alignment or precision written in a format string, clamped to what can be built.
inline int clampedNumber(std::string_view digits, int limit)
{
    long long value = 0;
    bool negative = false;
    std::size_t i = 0;
    while (i < digits.size() && digits[i] == ' ') {
        ++i;
    }
    if (i < digits.size() && (digits[i] == '-' || digits[i] == '+')) {
        negative = digits[i] == '-';
        ++i;
    }
    for (; i < digits.size() && digits[i] >= '0' && digits[i] <= '9'; ++i) {
        value = value * 10 + (digits[i] - '0');
        if (value > limit) {
            value = limit;
        }
    }
    return int(negative ? -value : value);
}

Value makeDateTimeChecked(std::int64_t ticks, int kind); // ArgumentOutOfRangeException outside 0001..9999

inline constexpr std::int64_t ticksPerMillisecond = 10'000;
inline constexpr std::int64_t ticksPerSecond = 10'000'000;
inline constexpr std::int64_t ticksPerDay = 864'000'000'000;

} // namespace gw::expr
