using System;
using System.ComponentModel;
using System.Text;
using Bookings.Generated.Runtime.Internal;

namespace Bookings.Generated.Runtime
{
    /// <summary>
    /// A condition on an item, built from the typed fields a generated <c>…Fields</c> class offers and
    /// combined with <c>&amp;</c>, <c>|</c> and <c>!</c>. Rendered with placeholders only.
    /// </summary>
    public abstract class Condition
    {
        private protected Condition()
        {
        }

        /// <summary>Both conditions hold.</summary>
        public static Condition operator &(Condition left, Condition right) => new Combined(left, "AND", right);

        /// <summary>Either condition holds.</summary>
        public static Condition operator |(Condition left, Condition right) => new Combined(left, "OR", right);

        /// <summary>The condition does not hold.</summary>
        public static Condition operator !(Condition condition) => new Negated(condition);

        /// <summary>Both conditions hold.</summary>
        public static Condition And(Condition left, Condition right) => left & right;

        /// <summary>Either condition holds.</summary>
        public static Condition Or(Condition left, Condition right) => left | right;

        /// <summary>The condition does not hold.</summary>
        public static Condition Not(Condition condition) => !condition;

        /// <summary>The item exists: it has its partition key attribute. Generated writes that must not create items use it.</summary>
        public static Condition ItemExists(string partitionKeyAttribute)
        {
            ArgumentException.ThrowIfNullOrEmpty(partitionKeyAttribute);
            return new Raw(e => $"attribute_exists({e.Name(partitionKeyAttribute)})");
        }

        /// <summary>The stored text attribute equals <paramref name="value"/>; used for the type attribute of shared tables.</summary>
        internal static Condition AttributeEquals(string attribute, string value)
        {
            var stored = new Amazon.DynamoDBv2.Model.AttributeValue { S = value };
            return new Raw(e => $"{e.Name(attribute)} = {e.Value(stored)}");
        }

        /// <summary>Both conditions where both are given, the one given otherwise, or null.</summary>
        internal static Condition? AllOf(Condition? first, Condition? second)
            => first is null ? second : second is null ? first : first & second;

        /// <summary>The expression text, registering names and values with <paramref name="expressions"/>. For the runtime's own requests, not for direct use.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public string Render(ExpressionBuilder expressions)
        {
            ArgumentNullException.ThrowIfNull(expressions);
            var builder = new StringBuilder();
            Write(builder, expressions);
            return builder.ToString();
        }

        internal abstract void Write(StringBuilder builder, ExpressionBuilder expressions);

        /// <summary>A condition from expression text with placeholders already resolved; for the SDK's own use.</summary>
        internal sealed class Raw : Condition
        {
            private readonly Func<ExpressionBuilder, string> _render;

            public Raw(Func<ExpressionBuilder, string> render) => _render = render;

            internal override void Write(StringBuilder builder, ExpressionBuilder expressions) => builder.Append(_render(expressions));
        }

        private sealed class Combined : Condition
        {
            private readonly Condition _left;
            private readonly string _operator;
            private readonly Condition _right;

            public Combined(Condition left, string op, Condition right)
            {
                ArgumentNullException.ThrowIfNull(left);
                ArgumentNullException.ThrowIfNull(right);
                _left = left;
                _operator = op;
                _right = right;
            }

            internal override void Write(StringBuilder builder, ExpressionBuilder expressions)
            {
                // Parentheses only where precedence needs them (NOT, then AND, then OR):
                // DynamoDB rejects redundant ones.
                WriteOperand(builder, expressions, _left);
                builder.Append(' ').Append(_operator).Append(' ');
                WriteOperand(builder, expressions, _right);
            }

            internal bool IsOr => _operator == "OR";

            private void WriteOperand(StringBuilder builder, ExpressionBuilder expressions, Condition operand)
            {
                var parenthesise = !IsOr && operand is Combined { IsOr: true };
                if (parenthesise)
                {
                    builder.Append('(');
                }

                operand.Write(builder, expressions);
                if (parenthesise)
                {
                    builder.Append(')');
                }
            }
        }

        private sealed class Negated : Condition
        {
            private readonly Condition _inner;

            public Negated(Condition inner)
            {
                ArgumentNullException.ThrowIfNull(inner);
                _inner = inner;
            }

            internal override void Write(StringBuilder builder, ExpressionBuilder expressions)
            {
                builder.Append("NOT ");
                if (_inner is Combined)
                {
                    builder.Append('(');
                    _inner.Write(builder, expressions);
                    builder.Append(')');
                }
                else
                {
                    _inner.Write(builder, expressions);
                }
            }
        }
    }
}
