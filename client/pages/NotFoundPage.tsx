import { Layout } from "../components/Layout";
import { Link } from "../components/Link";

export function NotFoundPage() {
  return (
    <Layout title="Page not found">
      <section className="card narrow">
        <h1>Page not found</h1>
        <p>
          There is nothing at this address. <Link href="/">Start a workshop</Link> or open the invite link a
          facilitator sent you.
        </p>
      </section>
    </Layout>
  );
}
